"""Qt windows and dialogs. Views call services; they never query the database themselves."""
