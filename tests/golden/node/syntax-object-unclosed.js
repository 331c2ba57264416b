const config = {
  port: 8000,
