-- A send's mail is taken in hand by one node at a time: the node records when it began handing the mail to SMTP,
-- and another node (a resubmitted publication) leaves it alone until that hold has lapsed (ADR 0043).
ALTER TABLE delivery_sends ADD COLUMN mailing_since timestamp with time zone;
