const s = 'abc
;
