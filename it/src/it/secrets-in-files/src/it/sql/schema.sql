create table item (id int primary key, name text);
insert into item values (1, 'seeded');
