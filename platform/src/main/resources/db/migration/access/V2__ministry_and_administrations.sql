-- The regulator itself: the ministry and the 31 provincial communications administrations.
-- Reference data every installation needs; operators and access providers are added in the console.
insert into access_organisation (code, name, type, province_code, credit_code, parent_id, created_at)
values ('MIIT', '工业和信息化部', 'MINISTRY', null, null, null, current_timestamp);
insert into access_organisation (code, name, type, province_code, credit_code, parent_id, created_at)
select 'CA-11', '北京市通信管理局', 'ADMINISTRATION', '11', null, id, current_timestamp from access_organisation where code = 'MIIT'
union all
select 'CA-12', '天津市通信管理局', 'ADMINISTRATION', '12', null, id, current_timestamp from access_organisation where code = 'MIIT'
union all
select 'CA-13', '河北省通信管理局', 'ADMINISTRATION', '13', null, id, current_timestamp from access_organisation where code = 'MIIT'
union all
select 'CA-14', '山西省通信管理局', 'ADMINISTRATION', '14', null, id, current_timestamp from access_organisation where code = 'MIIT'
union all
select 'CA-15', '内蒙古自治区通信管理局', 'ADMINISTRATION', '15', null, id, current_timestamp from access_organisation where code = 'MIIT'
union all
select 'CA-21', '辽宁省通信管理局', 'ADMINISTRATION', '21', null, id, current_timestamp from access_organisation where code = 'MIIT'
union all
select 'CA-22', '吉林省通信管理局', 'ADMINISTRATION', '22', null, id, current_timestamp from access_organisation where code = 'MIIT'
union all
select 'CA-23', '黑龙江省通信管理局', 'ADMINISTRATION', '23', null, id, current_timestamp from access_organisation where code = 'MIIT'
union all
select 'CA-31', '上海市通信管理局', 'ADMINISTRATION', '31', null, id, current_timestamp from access_organisation where code = 'MIIT'
union all
select 'CA-32', '江苏省通信管理局', 'ADMINISTRATION', '32', null, id, current_timestamp from access_organisation where code = 'MIIT'
union all
select 'CA-33', '浙江省通信管理局', 'ADMINISTRATION', '33', null, id, current_timestamp from access_organisation where code = 'MIIT'
union all
select 'CA-34', '安徽省通信管理局', 'ADMINISTRATION', '34', null, id, current_timestamp from access_organisation where code = 'MIIT'
union all
select 'CA-35', '福建省通信管理局', 'ADMINISTRATION', '35', null, id, current_timestamp from access_organisation where code = 'MIIT'
union all
select 'CA-36', '江西省通信管理局', 'ADMINISTRATION', '36', null, id, current_timestamp from access_organisation where code = 'MIIT'
union all
select 'CA-37', '山东省通信管理局', 'ADMINISTRATION', '37', null, id, current_timestamp from access_organisation where code = 'MIIT'
union all
select 'CA-41', '河南省通信管理局', 'ADMINISTRATION', '41', null, id, current_timestamp from access_organisation where code = 'MIIT'
union all
select 'CA-42', '湖北省通信管理局', 'ADMINISTRATION', '42', null, id, current_timestamp from access_organisation where code = 'MIIT'
union all
select 'CA-43', '湖南省通信管理局', 'ADMINISTRATION', '43', null, id, current_timestamp from access_organisation where code = 'MIIT'
union all
select 'CA-44', '广东省通信管理局', 'ADMINISTRATION', '44', null, id, current_timestamp from access_organisation where code = 'MIIT'
union all
select 'CA-45', '广西壮族自治区通信管理局', 'ADMINISTRATION', '45', null, id, current_timestamp from access_organisation where code = 'MIIT'
union all
select 'CA-46', '海南省通信管理局', 'ADMINISTRATION', '46', null, id, current_timestamp from access_organisation where code = 'MIIT'
union all
select 'CA-50', '重庆市通信管理局', 'ADMINISTRATION', '50', null, id, current_timestamp from access_organisation where code = 'MIIT'
union all
select 'CA-51', '四川省通信管理局', 'ADMINISTRATION', '51', null, id, current_timestamp from access_organisation where code = 'MIIT'
union all
select 'CA-52', '贵州省通信管理局', 'ADMINISTRATION', '52', null, id, current_timestamp from access_organisation where code = 'MIIT'
union all
select 'CA-53', '云南省通信管理局', 'ADMINISTRATION', '53', null, id, current_timestamp from access_organisation where code = 'MIIT'
union all
select 'CA-54', '西藏自治区通信管理局', 'ADMINISTRATION', '54', null, id, current_timestamp from access_organisation where code = 'MIIT'
union all
select 'CA-61', '陕西省通信管理局', 'ADMINISTRATION', '61', null, id, current_timestamp from access_organisation where code = 'MIIT'
union all
select 'CA-62', '甘肃省通信管理局', 'ADMINISTRATION', '62', null, id, current_timestamp from access_organisation where code = 'MIIT'
union all
select 'CA-63', '青海省通信管理局', 'ADMINISTRATION', '63', null, id, current_timestamp from access_organisation where code = 'MIIT'
union all
select 'CA-64', '宁夏回族自治区通信管理局', 'ADMINISTRATION', '64', null, id, current_timestamp from access_organisation where code = 'MIIT'
union all
select 'CA-65', '新疆维吾尔自治区通信管理局', 'ADMINISTRATION', '65', null, id, current_timestamp from access_organisation where code = 'MIIT';
