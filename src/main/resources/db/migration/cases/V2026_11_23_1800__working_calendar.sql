-- The working calendar deadlines are counted on: business hours of ordinary working weekdays
-- (one row) and dated exceptions, public holidays (HOLIDAY) and make-up working days (WORKDAY, 调休).
CREATE TABLE case_business_hours (
    id            INT         NOT NULL PRIMARY KEY,
    zone_id       VARCHAR(40) NOT NULL,
    opens_minute  INT         NOT NULL,
    closes_minute INT         NOT NULL,
    workdays      VARCHAR(20) NOT NULL
);

INSERT INTO case_business_hours (id, zone_id, opens_minute, closes_minute, workdays)
VALUES (1, 'Asia/Shanghai', 540, 1080, '1,2,3,4,5');

CREATE TABLE case_calendar_day (
    on_date DATE         NOT NULL PRIMARY KEY,
    kind VARCHAR(10)  NOT NULL,
    name VARCHAR(100) NOT NULL
);

-- 2026 as announced by the General Office of the State Council on 2025-11-04
-- (国务院办公厅关于2026年部分节假日安排的通知).
INSERT INTO case_calendar_day (on_date, kind, name) VALUES
    (DATE '2026-01-01', 'HOLIDAY', '元旦'),
    (DATE '2026-01-02', 'HOLIDAY', '元旦'),
    (DATE '2026-01-03', 'HOLIDAY', '元旦'),
    (DATE '2026-01-04', 'WORKDAY', '元旦调休上班'),
    (DATE '2026-02-14', 'WORKDAY', '春节调休上班'),
    (DATE '2026-02-15', 'HOLIDAY', '春节'),
    (DATE '2026-02-16', 'HOLIDAY', '春节'),
    (DATE '2026-02-17', 'HOLIDAY', '春节'),
    (DATE '2026-02-18', 'HOLIDAY', '春节'),
    (DATE '2026-02-19', 'HOLIDAY', '春节'),
    (DATE '2026-02-20', 'HOLIDAY', '春节'),
    (DATE '2026-02-21', 'HOLIDAY', '春节'),
    (DATE '2026-02-22', 'HOLIDAY', '春节'),
    (DATE '2026-02-23', 'HOLIDAY', '春节'),
    (DATE '2026-02-28', 'WORKDAY', '春节调休上班'),
    (DATE '2026-04-04', 'HOLIDAY', '清明节'),
    (DATE '2026-04-05', 'HOLIDAY', '清明节'),
    (DATE '2026-04-06', 'HOLIDAY', '清明节'),
    (DATE '2026-05-01', 'HOLIDAY', '劳动节'),
    (DATE '2026-05-02', 'HOLIDAY', '劳动节'),
    (DATE '2026-05-03', 'HOLIDAY', '劳动节'),
    (DATE '2026-05-04', 'HOLIDAY', '劳动节'),
    (DATE '2026-05-05', 'HOLIDAY', '劳动节'),
    (DATE '2026-05-09', 'WORKDAY', '劳动节调休上班'),
    (DATE '2026-06-19', 'HOLIDAY', '端午节'),
    (DATE '2026-06-20', 'HOLIDAY', '端午节'),
    (DATE '2026-06-21', 'HOLIDAY', '端午节'),
    (DATE '2026-09-20', 'WORKDAY', '国庆节调休上班'),
    (DATE '2026-09-25', 'HOLIDAY', '中秋节'),
    (DATE '2026-09-26', 'HOLIDAY', '中秋节'),
    (DATE '2026-09-27', 'HOLIDAY', '中秋节'),
    (DATE '2026-10-01', 'HOLIDAY', '国庆节'),
    (DATE '2026-10-02', 'HOLIDAY', '国庆节'),
    (DATE '2026-10-03', 'HOLIDAY', '国庆节'),
    (DATE '2026-10-04', 'HOLIDAY', '国庆节'),
    (DATE '2026-10-05', 'HOLIDAY', '国庆节'),
    (DATE '2026-10-06', 'HOLIDAY', '国庆节'),
    (DATE '2026-10-07', 'HOLIDAY', '国庆节'),
    (DATE '2026-10-10', 'WORKDAY', '国庆节调休上班');
