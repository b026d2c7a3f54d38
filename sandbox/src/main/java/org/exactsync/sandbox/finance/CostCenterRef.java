package org.exactsync.sandbox.finance;

/** A {@code hrm/Costcenters} row; lines reference it by code. */
record CostCenterRef(String code, String description, boolean active) {
}
