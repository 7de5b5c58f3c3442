ALTER TABLE graves RENAME TO graves_old;
CREATE TABLE graves (
  usn integer NOT NULL,
  oid integer NOT NULL,
  type integer NOT NULL
);
INSERT INTO graves (usn, oid, type) SELECT usn, oid, type FROM graves_old;
DROP TABLE graves_old;
DROP TABLE config;
DROP TABLE deck_config;
DROP TABLE tags;
DROP TABLE fields;
DROP TABLE templates;
DROP TABLE notetypes;
DROP TABLE decks;
DROP INDEX idx_cards_odid;
DROP INDEX idx_notes_mid;

