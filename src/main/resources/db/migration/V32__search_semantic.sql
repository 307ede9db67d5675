-- The text Tesseract recognised in each image, by the SHA-256 of its bytes: OCR takes seconds an image, so a rebuild,
-- another node, or the same image in another lesson reads it here instead of recognising it again. Media never change
-- their bytes, so an entry never goes stale.
CREATE TABLE search_image_texts (
    sha256        varchar(64) PRIMARY KEY,
    text          text NOT NULL,
    recognised_at timestamp with time zone NOT NULL
);
