print("engine probe")
