package org.exactsync.sandbox;

import java.util.ArrayList;
import java.util.List;
import org.exactsync.sandbox.finance.FinanceEntities;
import org.exactsync.sandbox.master.MasterEntities;

/**
 * Every endpoint the sandbox serves. Adding a family of endpoints is one line here (the finance sets add
 * {@code FinanceEntities.all(setup)}).
 */
public final class SandboxEntities {

    private SandboxEntities() {
    }

    public static List<EntitySet> all(SandboxSetup setup) {
        List<EntitySet> sets = new ArrayList<>();
        sets.addAll(MasterEntities.all(setup));
        sets.addAll(FinanceEntities.all(setup));
        return sets;
    }
}
