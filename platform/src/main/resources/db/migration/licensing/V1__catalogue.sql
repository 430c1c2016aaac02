-- The business catalogue (电信业务分类目录) as versioned reference data: each kind names the version
-- that introduced it and, once a decree drops it, the version that withdrew it. Conditions that
-- change by decree (validity, foreign-investment cap) are columns here, not literals in code.
create table licensing_catalogue_version (
    version      varchar(20)  not null primary key,
    effective_on date         not null,
    title        varchar(300) not null
);

insert into licensing_catalogue_version (version, effective_on, title) values
    ('2013-MVNO', date '2013-05-17', '移动通信转售业务试点方案（2013）'),
    ('2015', date '2016-03-01', '电信业务分类目录（2015年版）'),
    ('2019', date '2019-06-06', '电信业务分类目录（2015年版）2019 年调整：增列 A12-4 第五代数字蜂窝移动通信业务');

create table licensing_business_kind (
    code                varchar(12)  not null primary key,
    parent_code         varchar(12),
    name_zh             varchar(100) not null,
    name_en             varchar(150) not null,
    -- BASIC or VALUE_ADDED; a licence number carries the class (A1, A2, B1, B2).
    category            varchar(12)  not null,
    licence_class       varchar(2)   not null,
    -- Only leaf kinds are applied for; a group (A11, B26) is a heading.
    applicable          boolean      not null,
    pilot               boolean      not null,
    validity_years      int          not null,
    -- The highest foreign share allowed (外商投资准入负面清单 2021: basic services Chinese-controlled,
    -- value-added at most 50 % except e-commerce, domestic multi-party, store-and-forward and call centres).
    foreign_cap_percent int          not null,
    default_scope       varchar(200),
    introduced_in       varchar(20)  not null references licensing_catalogue_version (version),
    withdrawn_in        varchar(20)  references licensing_catalogue_version (version),
    sort_order          int          not null
);

insert into licensing_business_kind
    (code, parent_code, name_zh, name_en, category, licence_class, applicable, pilot, validity_years,
     foreign_cap_percent, default_scope, introduced_in, sort_order) values
    ('A11', null, '固定通信业务', 'Fixed communication services', 'BASIC', 'A1', false, false, 10, 49, null, '2015', 100),
    ('A11-1', 'A11', '固定网本地通信业务', 'Fixed local communication', 'BASIC', 'A1', true, false, 10, 49, null, '2015', 101),
    ('A11-2', 'A11', '固定网国内长途通信业务', 'Fixed domestic long-distance communication', 'BASIC', 'A1', true, false, 10, 49, null, '2015', 102),
    ('A11-3', 'A11', '固定网国际长途通信业务', 'Fixed international long-distance communication', 'BASIC', 'A1', true, false, 10, 49, null, '2015', 103),
    ('A11-4', 'A11', '国际通信设施服务业务', 'International communication facility services', 'BASIC', 'A1', true, false, 10, 49, null, '2015', 104),
    ('A12', null, '蜂窝移动通信业务', 'Cellular mobile communication services', 'BASIC', 'A1', false, false, 10, 49, null, '2015', 110),
    ('A12-1', 'A12', '第二代数字蜂窝移动通信业务', '2G digital cellular mobile communication', 'BASIC', 'A1', true, false, 10, 49, null, '2015', 111),
    ('A12-2', 'A12', '第三代数字蜂窝移动通信业务', '3G digital cellular mobile communication', 'BASIC', 'A1', true, false, 10, 49, null, '2015', 112),
    ('A12-3', 'A12', 'LTE/第四代数字蜂窝移动通信业务', 'LTE/4G digital cellular mobile communication', 'BASIC', 'A1', true, false, 10, 49, null, '2015', 113),
    ('A12-4', 'A12', '第五代数字蜂窝移动通信业务', '5G digital cellular mobile communication', 'BASIC', 'A1', true, false, 10, 49, null, '2019', 114),
    ('A13', null, '第一类卫星通信业务', 'Satellite communication services, class 1', 'BASIC', 'A1', true, false, 10, 49, null, '2015', 120),
    ('A14', null, '第一类数据通信业务', 'Data communication services, class 1', 'BASIC', 'A1', false, false, 10, 49, null, '2015', 130),
    ('A14-1', 'A14', '互联网国际数据传送业务', 'Internet international data transfer', 'BASIC', 'A1', true, false, 10, 49, null, '2015', 131),
    ('A14-2', 'A14', '互联网国内数据传送业务', 'Internet domestic data transfer', 'BASIC', 'A1', true, false, 10, 49, null, '2015', 132),
    ('A14-3', 'A14', '互联网本地数据传送业务', 'Internet local data transfer', 'BASIC', 'A1', true, false, 10, 49, null, '2015', 133),
    ('A14-4', 'A14', '国际数据通信业务', 'International data communication', 'BASIC', 'A1', true, false, 10, 49, null, '2015', 134),
    ('A15', null, 'IP 电话业务', 'IP telephony services', 'BASIC', 'A1', true, false, 10, 49, null, '2015', 140),
    ('A21', null, '集群通信业务', 'Trunking communication services', 'BASIC', 'A2', true, false, 5, 49, null, '2015', 200),
    ('A22', null, '无线寻呼业务', 'Radio paging services', 'BASIC', 'A2', true, false, 5, 49, null, '2015', 210),
    ('A23', null, '第二类卫星通信业务', 'Satellite communication services, class 2', 'BASIC', 'A2', true, false, 5, 49, null, '2015', 220),
    ('A24', null, '第二类数据通信业务', 'Data communication services, class 2', 'BASIC', 'A2', true, false, 5, 49, null, '2015', 230),
    ('A25', null, '网络接入设施服务业务', 'Network access facility services', 'BASIC', 'A2', true, false, 5, 49, null, '2015', 240),
    ('A26', null, '国内通信设施服务业务', 'Domestic communication facility services', 'BASIC', 'A2', true, false, 5, 49, null, '2015', 250),
    ('A27', null, '网络托管业务', 'Network hosting services', 'BASIC', 'A2', true, false, 5, 49, null, '2015', 260),
    ('MVNO', null, '移动通信转售业务（试点）', 'Mobile communication resale (pilot)', 'BASIC', 'A2', true, true, 5, 49, null, '2013-MVNO', 270),
    ('B11', null, '互联网数据中心业务', 'Internet data centre (incl. cloud)', 'VALUE_ADDED', 'B1', true, false, 5, 50, null, '2015', 300),
    ('B12', null, '内容分发网络业务', 'Content delivery network', 'VALUE_ADDED', 'B1', true, false, 5, 50, null, '2015', 310),
    ('B13', null, '国内互联网虚拟专用网业务', 'Domestic internet virtual private network', 'VALUE_ADDED', 'B1', true, false, 5, 50, null, '2015', 320),
    ('B14', null, '互联网接入服务业务', 'Internet access services', 'VALUE_ADDED', 'B1', true, false, 5, 50, null, '2015', 330),
    ('B21', null, '在线数据处理与交易处理业务', 'Online data and transaction processing', 'VALUE_ADDED', 'B2', true, false, 5, 100, null, '2015', 400),
    ('B22', null, '国内多方通信服务业务', 'Domestic multi-party communication', 'VALUE_ADDED', 'B2', true, false, 5, 100, null, '2015', 410),
    ('B23', null, '存储转发类业务', 'Store-and-forward services', 'VALUE_ADDED', 'B2', true, false, 5, 100, null, '2015', 420),
    ('B24', null, '呼叫中心业务', 'Call centre services', 'VALUE_ADDED', 'B2', true, false, 5, 100, null, '2015', 430),
    ('B25', null, '信息服务业务', 'Information services', 'VALUE_ADDED', 'B2', true, false, 5, 50, '仅限互联网信息服务', '2015', 440),
    ('B26', null, '编码和规程转换业务', 'Coding and protocol conversion', 'VALUE_ADDED', 'B2', false, false, 5, 50, null, '2015', 450),
    ('B26-1', 'B26', '域名解析服务业务', 'Domain name resolution services', 'VALUE_ADDED', 'B2', true, false, 5, 50, null, '2015', 451);
