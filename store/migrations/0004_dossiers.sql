-- Reserved for the dossiers feature; filled in by that feature's change.
SELECT 1;
