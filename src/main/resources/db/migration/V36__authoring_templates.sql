-- Authoring speed and the overwhelm guard (issue 18). A program's modules: each has a title and begins at one of the
-- program's lessons, running to the next module's first lesson, so a module follows its first lesson when the
-- lessons are reordered and the program's lesson list (rewritten whole on every change) stays as it was. A module
-- whose first lesson leaves the program is moved to the next lesson or dropped by the service that removes it.
CREATE TABLE program_modules (
    program_id      uuid         NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
    first_lesson_id uuid         NOT NULL,
    title           varchar(120) NOT NULL,
    PRIMARY KEY (program_id, first_lesson_id)
);

-- How many lessons a program may have before the studio asks for modules (12 unless an admin says otherwise).
ALTER TABLE authoring_settings ADD COLUMN program_lessons_before_modules int NOT NULL DEFAULT 12;
