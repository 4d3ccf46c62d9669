-- V26__account_phone_ciphertext.sql
-- Owners' and staff's own phone numbers are stored encrypted like visitors' (issue 18): the column
-- holds the AES-GCM ciphertext ("key-id.base64url"), which is longer than a number. V27 (a Java
-- migration, AccountPhoneEncryption: the key is the application's) encrypts the rows already there.
alter table account alter column phone type varchar(200);
