"""Developer tools (data generation, notebook hygiene); not part of the installed package."""
