"""The one rule of the till's outbox that every figure depends on: an event is *pending* (the
replica's figures do not include it yet) until the server has acknowledged it AND the replica
has pulled past the change-log position its answer named (`ack_seq`). Until then the till adds
the event's own movements (stock, points, order steps, transfers) to what the server last sent;
after, the server's figure has them (shared/design/SYNC.md: "server state with the pending
local events laid over it").

`PENDING` is that rule as SQL over the outbox aliased `o`, with one parameter: the replica's
cursor. Every query that adds this till's own movements uses it, so the rule has one wording."""

from __future__ import annotations

PENDING = "(o.acked_at IS NULL OR o.ack_seq > ?)"

# An event the server answered but did not apply as sent: refused, or a duplicate it noted a
# reason for. Counted after every sale (the sync badge), so its partial index
# (migration 14) keeps the count to those rows instead of a scan of the whole outbox, which grows
# by every fact a till ever made (1.8 ms per sale after 3,000 sales, and rising).
REFUSED = "(status = 'rejected' OR (status = 'duplicate' AND reason IS NOT NULL))"
