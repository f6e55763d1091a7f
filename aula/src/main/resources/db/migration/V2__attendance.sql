-- Attendance per class hour: each course's timetable, the school calendar and the registers.
-- A register is never overwritten: every version is a revision (who, when, why) and a mark stays
-- in the table with the version range in which it was the student's status.

-- The numbered class hours of a course per ISO weekday (1 = Monday).
create table class_hour (
    id        bigint generated always as identity primary key,
    course_id bigint  not null references course (id),
    weekday   integer not null check (weekday between 1 and 7),
    hour      integer not null check (hour between 1 and 12),
    starts_at time    not null,
    ends_at   time    not null,
    unique (course_id, weekday, hour),
    check (ends_at > starts_at)
);

-- What makes a weekday of the school year not a school day (holiday, suspension), or a day that is
-- not one a school day (recovery, taught with the timetable of timetable_weekday). An entry made by
-- mistake is withdrawn, not deleted, so the calendar's history stays readable.
create table school_calendar_entry (
    id               bigint generated always as identity primary key,
    school_id        bigint      not null references school (id),
    date             date        not null,
    kind             text        not null check (kind in ('HOLIDAY', 'SUSPENSION', 'RECOVERY')),
    reason           text        not null check (length(trim(reason)) > 0),
    timetable_weekday integer    check (timetable_weekday between 1 and 7),
    recorded_by      text        not null,
    recorded_at      timestamptz not null,
    withdrawn_by     text,
    withdrawn_at     timestamptz,
    check ((kind = 'RECOVERY') = (timetable_weekday is not null))
);
create unique index school_calendar_entry_day on school_calendar_entry (school_id, date) where withdrawn_at is null;

-- One register per course, date and class hour. version counts its revisions (1 = first recording);
-- changed_at is when the marks last changed, which SIGE compares with what it was sent.
create table attendance_register (
    id         bigint generated always as identity primary key,
    course_id  bigint      not null references course (id),
    date       date        not null,
    hour       integer     not null check (hour between 1 and 12),
    version    integer     not null check (version >= 1),
    changed_at timestamptz not null,
    unique (course_id, date, hour)
);

-- Each version of a register: who recorded or corrected it, when, and why (null only for version 1).
create table attendance_revision (
    id             bigint generated always as identity primary key,
    register_id    bigint      not null references attendance_register (id),
    version        integer     not null,
    recorded_by    text        not null,
    recorded_by_id bigint      references staff_member (id),
    recorded_at    timestamptz not null,
    reason         text,
    unique (register_id, version),
    check (version = 1 or reason is not null)
);

-- A student's status in a register from version from_version up to, not including, until_version
-- (null while current). A correction end-dates the marks it changes and adds the new ones.
create table attendance_mark (
    register_id   bigint  not null references attendance_register (id),
    student_id    bigint  not null references student (id),
    status        text    not null check (status in ('PRESENT', 'ABSENT', 'LATE')),
    from_version  integer not null,
    until_version integer,
    primary key (register_id, student_id, from_version),
    check (until_version is null or until_version > from_version)
);
create unique index attendance_mark_current on attendance_mark (register_id, student_id) where until_version is null;
