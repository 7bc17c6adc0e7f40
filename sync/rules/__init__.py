"""The shop's rules both ends apply, written once: money, VAT, barcodes, loyalty keys and
points, the order and transfer state machines, staff PINs, and the VERI*FACTU record's
fingerprint and QR.

Pure Python (no Qt, no SQL, no HTTP; `.importlinter` checks it), beside the wire protocol
because, like it, it is what the till and the central server must agree on: the till's domain
(`pos_app.domain`) builds its cart and receipt on these, and the server (`sync.server`)
validates what it stores with the same functions, so a rule cannot drift between the two.
"""
