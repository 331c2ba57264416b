var 1a = 'second';
