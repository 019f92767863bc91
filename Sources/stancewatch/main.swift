print("stancewatch")
