-- The work queue kept in PostgreSQL (ml-readiness.queue=postgresql): one job per pull request, the requests that
-- asked for it (a webhook each, recorded before the app answers), and the deliveries seen, with how they ended.

create table work_job (
    id bigserial primary key,
    repository text not null,
    number integer not null,
    installation_id bigint not null,
    -- the newest head a pull_request event named: a new event updates it (coalescing)
    head_sha text,
    -- idle: nothing to do; queued: due at due_at; running: owner holds it until lease_until; parked: failed too often
    state text not null default 'queued' check (state in ('idle', 'queued', 'running', 'parked')),
    due_at timestamptz not null default now(),
    attempts integer not null default 0,
    owner text,
    token text,
    lease_until timestamptz,
    -- the requests up to this id are the running batch's; later ones wait for the next batch
    claimed_upto bigint not null default 0,
    -- the check run the running batch has in progress: completed by whoever takes over an expired lease
    check_run_id bigint,
    check_run_head text,
    last_error text,
    updated_at timestamptz not null default now(),
    unique (repository, number)
);

create index work_job_due on work_job (due_at) where state in ('queued', 'running');
create index work_job_check_run on work_job (check_run_id) where check_run_id is not null;

create table work_request (
    id bigserial primary key,
    job_id bigint not null references work_job (id) on delete cascade,
    delivery_key text not null,
    installation_id bigint not null,
    delivery_id text not null,
    kind text not null check (kind in ('PULL_REQUEST', 'RERUN', 'COMMAND')),
    head_sha text,
    event text not null,
    payload text not null,
    decisions text not null default '[]',
    -- a push replaced by a newer push of the same pull request: answered by that one's evaluation
    folded_into bigint,
    received_at timestamptz not null default now()
);

create index work_request_job on work_request (job_id, id);

-- delivery id + pull request: a redelivery of one that is queued or done is skipped, of one that failed is queued
create table delivery (
    delivery_key text primary key,
    state text not null check (state in ('queued', 'done', 'failed')),
    status text,
    detail text,
    head_sha text,
    updated_at timestamptz not null default now()
);

create index delivery_updated on delivery (updated_at);
