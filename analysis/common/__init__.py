"""What every stage shares: paths, errors, CSV reading and atomic writing, the administrations calendar, and
the fast pattern matcher. Imports nothing else from the package."""
