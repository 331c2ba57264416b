const config = {;
