-- The school directory: owners, schools, years, courses, students and their identifiers, staff.
-- Attendance is keyed on internal ids, never on identifiers, because a student's RUN or IPE can change.

create table school_owner (
    id          bigint generated always as identity primary key,
    rut_number  integer not null unique,
    rut_dv      char(1) not null,
    name        text    not null
);

create table school (
    id              bigint generated always as identity primary key,
    owner_id        bigint  not null references school_owner (id),
    rbd             integer not null unique,
    rbd_dv          char(1) not null,
    name            text    not null,
    dependency_type text    not null,
    subsidy_hour    integer not null default 2 check (subsidy_hour between 1 and 12)
);

create table school_year (
    id        bigint generated always as identity primary key,
    school_id bigint  not null references school (id),
    year      integer not null,
    starts_on date    not null,
    ends_on   date    not null,
    unique (school_id, year),
    check (ends_on > starts_on)
);

-- SIGE code tables are not public in full: seeded with the common codes, extensible by support.
create table teaching_type (
    code integer primary key,
    name text not null
);

create table grade (
    teaching_type_code integer not null references teaching_type (code),
    code               integer not null,
    name               text    not null,
    primary key (teaching_type_code, code)
);

create table course (
    id                 bigint generated always as identity primary key,
    school_id          bigint  not null references school (id),
    school_year_id     bigint  not null references school_year (id),
    teaching_type_code integer not null,
    grade_code         integer not null,
    letter             text    not null check (letter ~ '^[A-Z]{1,2}$'),
    shift              text    not null,
    name               text    not null,
    foreign key (teaching_type_code, grade_code) references grade (teaching_type_code, code),
    unique (school_year_id, teaching_type_code, grade_code, letter)
);
create index course_school on course (school_id);

create table student (
    id               bigint generated always as identity primary key,
    school_id        bigint not null references school (id),
    given_names      text   not null,
    paternal_surname text   not null,
    maternal_surname text   not null default ''
);
create index student_school on student (school_id);

-- Identifier history: one row per period; the current one has valid_until null. A correction that
-- reaches back before a period's start supersedes that period instead of deleting it.
create table student_identifier (
    id          bigint generated always as identity primary key,
    student_id  bigint      not null references student (id),
    type        text        not null check (type in ('RUN', 'IPE')),
    number      integer     not null check (number > 0),
    dv          char(1)     not null,
    valid_from  date        not null,
    valid_until date,
    recorded_by text        not null,
    recorded_at timestamptz not null,
    reason      text,
    superseded  boolean     not null default false,
    check (valid_until is null or valid_until > valid_from)
);
create index student_identifier_student on student_identifier (student_id);
create index student_identifier_number on student_identifier (number);

create table enrollment (
    id           bigint generated always as identity primary key,
    student_id   bigint  not null references student (id),
    course_id    bigint  not null references course (id),
    enrolled_on  date    not null,
    withdrawn_on date,
    list_number  integer not null check (list_number > 0),
    check (withdrawn_on is null or withdrawn_on > enrolled_on)
);
create index enrollment_course on enrollment (course_id);
create index enrollment_student on enrollment (student_id);

create table staff_member (
    id            bigint generated always as identity primary key,
    username      text    not null unique,
    full_name     text    not null,
    password_hash text    not null,
    enabled       boolean not null default true
);

-- A role at a school; SUPPORT is platform-wide and has no school.
create table staff_role (
    id        bigint generated always as identity primary key,
    staff_id  bigint not null references staff_member (id),
    school_id bigint references school (id),
    role      text   not null check (role in ('DIRECTOR', 'ATTENDANCE_ADMIN', 'TEACHER', 'SUPPORT')),
    check ((role = 'SUPPORT') = (school_id is null))
);
create unique index staff_role_unique on staff_role (staff_id, coalesce(school_id, 0), role);
create index staff_role_school on staff_role (school_id);

-- Who changed which role, kept because role changes decide who may send to SIGE.
create table staff_role_change (
    id          bigint generated always as identity primary key,
    staff_id    bigint      not null references staff_member (id),
    school_id   bigint      not null references school (id),
    role        text        not null,
    granted     boolean     not null,
    changed_by  text        not null,
    changed_at  timestamptz not null
);

insert into teaching_type (code, name) values
    (10, 'Educación Parvularia'),
    (110, 'Enseñanza Básica'),
    (310, 'Enseñanza Media Humanístico-Científica'),
    (410, 'Enseñanza Media Técnico-Profesional Comercial'),
    (510, 'Enseñanza Media Técnico-Profesional Industrial');

insert into grade (teaching_type_code, code, name) values
    (10, 4, 'Primer Nivel de Transición (Pre-kínder)'),
    (10, 5, 'Segundo Nivel de Transición (Kínder)'),
    (110, 1, '1° Básico'), (110, 2, '2° Básico'), (110, 3, '3° Básico'), (110, 4, '4° Básico'),
    (110, 5, '5° Básico'), (110, 6, '6° Básico'), (110, 7, '7° Básico'), (110, 8, '8° Básico'),
    (310, 1, '1° Medio'), (310, 2, '2° Medio'), (310, 3, '3° Medio'), (310, 4, '4° Medio'),
    (410, 1, '1° Medio'), (410, 2, '2° Medio'), (410, 3, '3° Medio'), (410, 4, '4° Medio'),
    (510, 1, '1° Medio'), (510, 2, '2° Medio'), (510, 3, '3° Medio'), (510, 4, '4° Medio');
