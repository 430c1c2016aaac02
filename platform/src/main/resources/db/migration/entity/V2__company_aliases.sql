-- The names a company goes by besides its registered one: speed-test files, appeals and the press say
-- "中国移动" or "China Mobile", not "中国移动通信集团有限公司". Keys are folded (trimmed, lower case,
-- inner spaces removed) so "China  Mobile" and "CHINA MOBILE" are one alias.
create table entity_company_alias (
    folded_alias varchar(100) not null primary key,
    alias        varchar(100) not null,
    credit_code  varchar(18)  not null references entity_company (credit_code)
);
create index entity_company_alias_by_company on entity_company_alias (credit_code);
