-- A broad name search (a given name thousands of customers share) walks the list in its sort order
-- and asks per customer whether one of its tokens starts with the term: this index answers that.
CREATE INDEX customer_name_token_by_customer_token_idx ON customer_name_token (customer_id, token);
DROP INDEX customer_name_token_by_customer_idx;
