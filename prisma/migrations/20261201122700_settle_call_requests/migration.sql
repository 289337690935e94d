-- Data only, no schema change. Before this release a request to reschedule made by phone
-- ("they will get back to me") stayed PENDING after the incident's outcome was recorded on
-- the later email, so the patterns page counted it as waiting forever. Every still-pending
-- request of an incident that has an outcome ends with that outcome; a request that got no
-- answer of its own (ATTENDED_LATE, NO_RESPONSE) ends unanswered, as the app now does.
UPDATE "RescheduleRequest" AS r
SET "status" = CASE i."outcome"
                 WHEN 'RESCHEDULED' THEN 'ACCEPTED'::"RescheduleStatus"
                 WHEN 'DECLINED' THEN 'DECLINED'::"RescheduleStatus"
                 ELSE 'NO_RESPONSE'::"RescheduleStatus"
               END,
    "respondedAt" = COALESCE(r."respondedAt", i."closedAt", i."updatedAt"),
    "updatedAt" = CURRENT_TIMESTAMP
FROM "MissedIncident" AS i
WHERE r."incidentId" = i."id"
  AND r."userId" = i."userId"
  AND r."status" = 'PENDING'
  AND i."outcome" IS NOT NULL;

-- What was said on the phone was only kept in the call's timeline entry until now; copy it onto
-- the request of a call that reached someone, so the call record can show it.
UPDATE "RescheduleRequest" AS r
SET "callResponse" = (e."details" ->> 'response')::"CallResponse"
FROM "ActivityEvent" AS e
WHERE r."channel" = 'CALL'
  AND r."callResult" = 'REACHED'
  AND r."callResponse" IS NULL
  AND e."type" = 'CALL_RECORDED'
  AND e."userId" = r."userId"
  AND e."details" ->> 'incidentId' = r."incidentId"
  AND e."details" ->> 'response' IN ('AGREED', 'REFUSED', 'WILL_GET_BACK', 'NONE');
