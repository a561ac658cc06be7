"""Mentions to coded stance: reconciliation into events (:mod:`.reconcile`), analyst corrections
(:mod:`.corrections`), stance per administration with its intervals (:mod:`.stance`)."""
