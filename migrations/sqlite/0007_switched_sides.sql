-- A round may switch sides (issue 14): the student argues the side whose counters they faced in
-- their previous round, which this names, so that the new round's scorecard can compare the two.

ALTER TABLE rounds ADD COLUMN switched_from INTEGER;
