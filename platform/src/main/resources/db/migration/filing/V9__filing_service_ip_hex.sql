-- Filed service addresses also as the 32 hex digits filing_ip_range compares (IPv4 in its IPv4-mapped form), so
-- that a block (a threat list's CIDR) finds the services inside it by an index range rather than by reading every
-- filed address. Applications carry it too: approval copies their addresses into the register by insert-select.
-- Rows written before this column are filled when the platform starts (FiledAddressBackfill); until then the
-- block search reads them apart.
alter table filing_service_ip add column address_hex varchar(32);
alter table filing_application_ip add column address_hex varchar(32);
create index filing_service_ip_by_hex on filing_service_ip (address_hex);
-- A listed IP address finds its services by this one.
create index filing_service_ip_by_address on filing_service_ip (address);
