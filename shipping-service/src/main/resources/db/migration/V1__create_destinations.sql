-- The countries the shop ships to; a shipment to any other country is refused.
-- Later issues and outside checks rely on exactly these rows.
create table destinations (
  country_code char(2)      primary key,  -- ISO 3166-1 alpha-2
  name         varchar(100) not null
);

insert into destinations (country_code, name) values
  ('US', 'United States'),
  ('CA', 'Canada'),
  ('GB', 'United Kingdom'),
  ('DE', 'Germany'),
  ('FR', 'France'),
  ('NL', 'Netherlands'),
  ('JP', 'Japan');
