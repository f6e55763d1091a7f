-- Interoperability with SIGE: agreements, the declaration calendar, syncs and their submissions.
-- Nothing here is ever deleted: a submission's attempts and SIGE's answers are its history.

create table interop_agreement (
    school_id        bigint primary key references school (id),
    agreement_id     integer     not null check (agreement_id > 0),
    -- AES-GCM: a fresh nonce per encryption, the school id as associated data.
    token_nonce      bytea       not null,
    token_ciphertext bytea       not null,
    active           boolean     not null,
    updated_by       text        not null,
    updated_at       timestamptz not null
);

create table declaration_period (
    month      text primary key check (month ~ '^[0-9]{4}-[0-9]{2}$'),
    closes_at  timestamptz not null,
    set_by     text        not null,
    set_at     timestamptz not null
);

create table sige_sync (
    id           bigint generated always as identity primary key,
    school_id    bigint      not null references school (id),
    from_date    date        not null,
    to_date      date        not null,
    requested_by text        not null,
    requested_at timestamptz not null,
    -- What the user was told was left out when sending only what was clean.
    left_out     text,
    check (to_date >= from_date)
);
create index sige_sync_school on sige_sync (school_id, requested_at desc);

create table sige_submission (
    id                  bigint generated always as identity primary key,
    sync_id             bigint      not null references sige_sync (id),
    school_id           bigint      not null references school (id),
    date                date        not null,
    teaching_type_code  integer     not null,
    grade_code          integer     not null,
    state               text        not null check (state in
                            ('QUEUED', 'SENDING', 'SENT', 'SYNCED', 'SYNCED_WITH_OBSERVATIONS', 'REJECTED', 'FAILED')),
    -- SHA-256 of the canonical payload, per grade and per course letter, to detect later changes.
    fingerprint         text        not null,
    course_fingerprints jsonb       not null,
    payload             text        not null,
    submission_code     text,
    attempts            integer     not null default 0,
    next_attempt_at     timestamptz,
    deadline_at         timestamptz not null,
    last_problem        text,
    report_code         integer,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    final_at            timestamptz
);
create index sige_submission_sync on sige_submission (sync_id);
create index sige_submission_key on sige_submission (school_id, date, teaching_type_code, grade_code, id desc);
-- At most one submission in flight per key: two syncs of the same day cannot race each other.
create unique index sige_submission_in_flight on sige_submission (school_id, date, teaching_type_code, grade_code)
    where state in ('QUEUED', 'SENDING', 'SENT');

-- Every call made for a submission and what SIGE (or the network) answered.
create table sige_attempt (
    id            bigint generated always as identity primary key,
    submission_id bigint      not null references sige_submission (id),
    operation     text        not null,
    at            timestamptz not null,
    code          integer,
    outcome       text        not null,
    detail        text
);
create index sige_attempt_submission on sige_attempt (submission_id, id);

-- SIGE's messages as they came, with Aula's guidance.
create table sige_message (
    id            bigint generated always as identity primary key,
    submission_id bigint not null references sige_submission (id),
    text          text   not null,
    kind          text   not null,
    course_letter text,
    run_number    integer
);
create index sige_message_submission on sige_message (submission_id);

-- db-scheduler's table (its documented PostgreSQL schema): the job queue shared by every instance.
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
