print("zkclear: under construction")
