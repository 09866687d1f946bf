-- gateway schema, version 6: the W3C traceparent of a handoff's submission, which its background work (steps,
-- webhook) continues, so that one trace follows a handoff through the four services (docs/operations.md, "Traces").
ALTER TABLE handoff ADD COLUMN trace_parent VARCHAR(55);
