#!/usr/bin/env python3
"""A stand-in CRM for the sample cycle: receives the connector's callbacks, checks their Crm-Signature with the
tenant's outbound secret over the raw body, prints one line per callback and answers 200."""
import hashlib
import hmac
import json
import os
import sys
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

SECRET = os.environ.get("CRM_OUTBOUND_SECRET", "local-outbound-secret").encode()
PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 8095


def signature_ok(header, body):
    parts = dict(p.split("=", 1) for p in (header or "").split(",") if "=" in p)
    if "t" not in parts or "v1" not in parts or abs(time.time() - int(parts["t"])) > 300:
        return False
    expected = hmac.new(SECRET, parts["t"].encode() + b"." + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, parts["v1"])


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if not signature_ok(self.headers.get("Crm-Signature"), body):
            self.send_response(401)
            self.end_headers()
            print("callback REFUSED: bad signature", flush=True)
            return
        event = json.loads(body)
        print("callback %-32s %s" % (event.get("type"), json.dumps(event.get("data"), ensure_ascii=False)),
              flush=True)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


HTTPServer(("127.0.0.1", PORT), Receiver).serve_forever()
