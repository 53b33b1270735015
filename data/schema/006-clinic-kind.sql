-- 5 -> 6: what a clinic is, a solo practice or a partnership, so that the questionnaire
-- offers only the roles that fit and the figures say whose they are. NULL where nobody
-- has said. Clinics already holding answers take it from their roles where that is
-- clear: doctors answering as partners and none as solo make a partnership; one solo
-- doctor a round and no partner, a solo practice; anything else stays unset.
ALTER TABLE clinics ADD COLUMN kind TEXT
  CHECK (kind IS NULL OR kind IN ('solo', 'partnership'));
UPDATE clinics SET kind = CASE
  WHEN EXISTS (SELECT 1 FROM respondents p WHERE p.clinic_id = clinics.id AND p.role = 'partner')
   AND NOT EXISTS (SELECT 1 FROM respondents p WHERE p.clinic_id = clinics.id AND p.role = 'solo')
  THEN 'partnership'
  WHEN EXISTS (SELECT 1 FROM respondents p WHERE p.clinic_id = clinics.id AND p.role = 'solo')
   AND NOT EXISTS (SELECT 1 FROM respondents p WHERE p.clinic_id = clinics.id
 AND p.role = 'partner')
   AND NOT EXISTS (SELECT 1 FROM respondents p WHERE p.clinic_id = clinics.id AND p.role = 'solo'
                   GROUP BY p.round_id HAVING count(*) > 1)
  THEN 'solo'
  END
  WHERE kind IS NULL;
