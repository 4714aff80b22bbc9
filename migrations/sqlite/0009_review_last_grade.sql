-- A review card remembers the grade of its latest answer, so that a counter answered well leaves
-- the student's "most dropped" list on their progress chart.

ALTER TABLE review_cards ADD COLUMN last_grade INTEGER;
