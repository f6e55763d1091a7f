-- Checking students' identifiers with SIGE before sending (getValidacion), with progress.

create table sige_check (
    id            bigint generated always as identity primary key,
    school_id     bigint      not null references school (id),
    state         text        not null check (state in ('RUNNING', 'DONE', 'INCOMPLETE')),
    started_by    text        not null,
    started_at    timestamptz not null,
    finished_at   timestamptz,
    checked       integer     not null default 0,
    total         integer     not null,
    next_retry_at timestamptz,
    problem       text,
    -- A check a person asked for asks SIGE again about everyone; one started before a sync only
    -- asks about identifiers SIGE has not answered for yet.
    refresh       boolean     not null
);
create index sige_check_school on sige_check (school_id, id desc);
-- One running check per school: a second request joins the running one.
create unique index sige_check_running on sige_check (school_id) where state in ('RUNNING', 'INCOMPLETE');

-- SIGE's answer for a student's identifier. Keyed by the identifier itself, so that a corrected
-- identifier is never judged by the answer about the old one.
create table sige_identifier_answer (
    student_id  bigint      not null references student (id),
    type        text        not null,
    number      integer     not null,
    dv          char(1)     not null,
    code        integer     not null,
    checked_at  timestamptz not null,
    primary key (student_id, type, number)
);
