-- Reserved for the archive feature; filled in by that feature's change.
SELECT 1;
