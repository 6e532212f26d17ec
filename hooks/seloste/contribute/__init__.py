"""What contributors run: the seloste command, the rules a change keeps, the base branch read from git."""
