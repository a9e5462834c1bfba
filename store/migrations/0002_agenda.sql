-- Reserved for the agenda feature; filled in by that feature's change.
SELECT 1;
