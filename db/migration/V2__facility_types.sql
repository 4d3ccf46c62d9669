-- V2__facility_types.sql
-- The kinds of multi-use facility (다중이용시설) under the vaccine pass (방역패스), with the periods in which
-- the pass applied to each. Kept as data, not as code: a later notice is a new migration with new rows.
-- Times are KST midnights; covered_until is exclusive (the first instant no longer covered).
-- Sources (see ../shared/docs/domain-rules.md):
--   2021-11-01 first 5 types ............................ Newsway 2021-11-08
--   2021-12-06 11 more types (16 in all) ................ News1 / Dong-A Ilbo 2021-12-14 (seed news); Metro Seoul
--   2022-01-04 court suspends academies, reading rooms .. Edaily 2022-01-04
--   2022-01-10 stores >= 3,000 m2 added ................. Metro Seoul
--   2022-01-18 lifted for cinemas, museums, libraries, large stores, academies, reading rooms ... Kyunghyang 2022-01-18
--   2022-03-01 pass suspended entirely .................. Kukmin Ilbo; News1 2022-03-01
-- Simplifications, stated: academies are one type (the exception of 2022-01-18 for wind-instrument,
-- singing and acting academies is not modelled); outdoor stadiums are a type of their own that the pass
-- never covered (the government's list covered indoor stadiums only).

create table facility_type (
    code              varchar(40) primary key,
    name_ko           varchar(60) not null unique,
    name_en           varchar(80) not null,
    min_floor_area_m2 numeric(12, 2),
    sort_order        int not null
);

create table facility_type_coverage (
    type_code     varchar(40) not null references facility_type(code),
    covered_from  timestamptz not null,
    covered_until timestamptz,
    source        varchar(200) not null,
    check (covered_until is null or covered_until > covered_from)
);
create index facility_type_coverage_type_idx on facility_type_coverage (type_code);

insert into facility_type (code, name_ko, name_en, min_floor_area_m2, sort_order) values
  ('ENTERTAINMENT',          '유흥시설',              'Entertainment venue',            null,  1),
  ('KARAOKE',                '노래연습장',            'Karaoke room',                   null,  2),
  ('INDOOR_SPORTS',          '실내체육시설',          'Indoor sports facility',         null,  3),
  ('BATHHOUSE',              '목욕장업',              'Bathhouse / sauna',              null,  4),
  ('RACING_CASINO',          '경륜·경정·경마·카지노', 'Racing track / casino',          null,  5),
  ('RESTAURANT_CAFE',        '식당·카페',             'Restaurant / café',              null,  6),
  ('ACADEMY',                '학원 등',               'Private academy',                null,  7),
  ('CINEMA_THEATER',         '영화관·공연장',         'Cinema / theatre',               null,  8),
  ('READING_ROOM',           '독서실·스터디카페',     'Reading room / study café',      null,  9),
  ('MULTI_ROOM',             '멀티방',                'Multi-room',                     null, 10),
  ('PC_ROOM',                'PC방',                  'PC room',                        null, 11),
  ('STADIUM_INDOOR',         '실내 스포츠경기장',     'Sports stadium (indoor)',        null, 12),
  ('MUSEUM_GALLERY',         '박물관·미술관·과학관',  'Museum / gallery / science hall', null, 13),
  ('PARTY_ROOM',             '파티룸',                'Party room',                     null, 14),
  ('LIBRARY',                '도서관',                'Library',                        null, 15),
  ('MASSAGE',                '마사지·안마소',         'Massage parlour',                null, 16),
  ('LARGE_STORE',            '대규모 점포(3,000㎡ 이상)', 'Large store (3,000 m² or more)', 3000, 17),
  ('STADIUM_OUTDOOR',        '실외 스포츠경기장',     'Sports stadium (outdoor)',       null, 18);

insert into facility_type_coverage (type_code, covered_from, covered_until, source) values
  ('ENTERTAINMENT',   '2021-11-01 00:00+09', '2022-03-01 00:00+09', 'Newsway 2021-11-08; News1 2022-03-01'),
  ('KARAOKE',         '2021-11-01 00:00+09', '2022-03-01 00:00+09', 'Newsway 2021-11-08; News1 2022-03-01'),
  ('INDOOR_SPORTS',   '2021-11-01 00:00+09', '2022-03-01 00:00+09', 'Newsway 2021-11-08; News1 2022-03-01'),
  ('BATHHOUSE',       '2021-11-01 00:00+09', '2022-03-01 00:00+09', 'Newsway 2021-11-08; News1 2022-03-01'),
  ('RACING_CASINO',   '2021-11-01 00:00+09', '2022-03-01 00:00+09', 'Newsway 2021-11-08; News1 2022-03-01'),
  ('RESTAURANT_CAFE', '2021-12-06 00:00+09', '2022-03-01 00:00+09', 'seed news 2021-12-14; News1 2022-03-01'),
  ('ACADEMY',         '2021-12-06 00:00+09', '2022-01-04 00:00+09', 'seed news 2021-12-14; Edaily 2022-01-04'),
  ('CINEMA_THEATER',  '2021-12-06 00:00+09', '2022-01-18 00:00+09', 'seed news 2021-12-14; Kyunghyang 2022-01-18'),
  ('READING_ROOM',    '2021-12-06 00:00+09', '2022-01-04 00:00+09', 'seed news 2021-12-14; Edaily 2022-01-04'),
  ('MULTI_ROOM',      '2021-12-06 00:00+09', '2022-03-01 00:00+09', 'seed news 2021-12-14; News1 2022-03-01'),
  ('PC_ROOM',         '2021-12-06 00:00+09', '2022-03-01 00:00+09', 'seed news 2021-12-14; News1 2022-03-01'),
  ('STADIUM_INDOOR',  '2021-12-06 00:00+09', '2022-03-01 00:00+09', 'seed news 2021-12-14; News1 2022-03-01'),
  ('MUSEUM_GALLERY',  '2021-12-06 00:00+09', '2022-01-18 00:00+09', 'seed news 2021-12-14; Kyunghyang 2022-01-18'),
  ('PARTY_ROOM',      '2021-12-06 00:00+09', '2022-03-01 00:00+09', 'seed news 2021-12-14; News1 2022-03-01'),
  ('LIBRARY',         '2021-12-06 00:00+09', '2022-01-18 00:00+09', 'seed news 2021-12-14; Kyunghyang 2022-01-18'),
  ('MASSAGE',         '2021-12-06 00:00+09', '2022-03-01 00:00+09', 'seed news 2021-12-14; News1 2022-03-01'),
  ('LARGE_STORE',     '2022-01-10 00:00+09', '2022-01-18 00:00+09', 'Metro Seoul; Kyunghyang 2022-01-18');
