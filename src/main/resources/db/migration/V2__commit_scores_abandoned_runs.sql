-- 1. The readiness of default branches (push events): the scores of a full scan of each pushed commit, per category,
-- ready for an organization view. Deleted with the installation or the repository (ForgetRemovedRepositories).

create table commit_score (
    installation_id bigint not null,
    -- owner/name
    repository text not null,
    commit_sha text not null,
    -- when GitHub received the push (the payload's repository.pushed_at), not when the app evaluated it
    pushed_at timestamptz not null,
    evaluated_at timestamptz not null default now(),
    -- the readiness score of the full scan, in whole percent; null when no rule applied
    readiness_percent integer,
    rules_applicable integer not null,
    rules_passed integer not null,
    findings integer not null,
    primary key (installation_id, repository, commit_sha)
);

-- an organization view: the newest scores of each repository of an installation
create index commit_score_newest on commit_score (installation_id, repository, pushed_at desc);

create table commit_category_score (
    installation_id bigint not null,
    repository text not null,
    commit_sha text not null,
    -- engine Category, by name
    category text not null,
    checked integer not null,
    passed integer not null,
    findings integer not null,
    primary key (installation_id, repository, commit_sha, category),
    foreign key (installation_id, repository, commit_sha)
        references commit_score (installation_id, repository, commit_sha) on delete cascade
);

-- A check run that a replica which died, or a batch that failed before it could read the pull request, left in
-- progress: kept until it is completed, by the job's next batch or, when no batch will run (parked, idle), by the
-- queue itself. Never left in progress.
alter table work_job add column abandoned_run_id bigint, add column abandoned_run_head text;
