BEGIN TRANSACTION;
CREATE TABLE cases (
	id INTEGER NOT NULL, 
	vendor_case_id VARCHAR(32), 
	state VARCHAR(32) NOT NULL, 
	language VARCHAR(8) NOT NULL, 
	casefile TEXT NOT NULL, 
	support_address VARCHAR(320), 
	support_subject TEXT, 
	support_message_id TEXT, 
	support_references TEXT, 
	created_at DATETIME NOT NULL, 
	state_since DATETIME NOT NULL, 
	last_support_mail_at DATETIME, 
	last_reply_sent_at DATETIME, 
	deadline DATETIME, 
	missing_items TEXT NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (id)
);
INSERT INTO "cases" VALUES(1,'176530418200731','credly_requested','en','{"language": "en", "reason": "The personal account was used before joining Example Corp; keep all certifications and benefits under the work account.", "user": {"name": "Taro Yamada", "company": "Example Corp"}, "support": {"case_id": "176530418200731", "created": "2026-11-02"}, "target": {"account_id": "AWS02468135", "login_email": "taro.yamada@example-corp.co.jp", "training_email": "taro.yamada@example-corp.co.jp", "certification_email": "taro.yamada@example-corp.co.jp", "certifications": [{"name": "AWS Certified Developer - Associate", "passed": "2025-03-15", "expires": "2028-03-15"}], "benefits": []}, "source": {"account_id": "AWS01357913", "login_email": "taro.personal@example.net", "training_email": "taro.personal@example.net", "certification_email": "taro.p.notify@example.net", "certifications": [{"name": "AWS Certified Solutions Architect - Associate", "passed": "2024-06-10", "expires": "2027-06-10"}, {"name": "AWS Certified Cloud Practitioner", "passed": "2023-09-01", "expires": "2026-09-01"}], "benefits": [{"name": "50% exam discount voucher", "expires": "2027-06-10"}]}}','aws-cs-trainingcertification-form@amazon.com','RE:[CASE 176530418200731] [AWS Training and Certification Form Submission] - account-assistance','<010001a1f26903f8-b816f27d-82f8-41fa-a13f-443e4fc5b5dd-000000@email.amazonses.com>','<010001a1999b3098-cbe63ba1-5dd1-48cb-ae97-2d94c6e797cc-000000@email.amazonses.com> <010601a19fe4bb90-98043dc1-bab8-49ac-a747-73aa92a154af-000000@ap-northeast-1.amazonses.com> <46f0a29b-cbfa-494a-ab8c-469c4687cdf5@example-corp.co.jp> <010001a1afb95080-d797799d-575e-48a8-ae76-4cbd321e455b-000000@email.amazonses.com> <2dbb1030-08c7-4399-aee1-a62c923ab19a@example-corp.co.jp> <010001a1e760fad8-6783c43a-2f49-4764-a518-7640f00138a3-000000@email.amazonses.com> <fff378f4-f03f-46d4-a3f9-cde0a50db8aa@example-corp.co.jp> <010001a1f26903f8-b816f27d-82f8-41fa-a13f-443e4fc5b5dd-000000@email.amazonses.com>','2026-12-04 22:43:54.129171','2026-12-04 22:44:01.165697','2026-11-19 06:05:31.000000',NULL,'2026-11-16 07:20:03.000000','[]','2026-12-04 22:44:01.165697');
CREATE TABLE drafts (
	id INTEGER NOT NULL, 
	case_id INTEGER NOT NULL, 
	purpose VARCHAR(32) NOT NULL, 
	path TEXT, 
	message_id TEXT NOT NULL, 
	subject TEXT, 
	created_at DATETIME NOT NULL, 
	sent_at DATETIME, 
	mailbox TEXT, 
	mailbox_uid INTEGER, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_draft_message_id UNIQUE (message_id), 
	FOREIGN KEY(case_id) REFERENCES cases (id)
);
INSERT INTO "drafts" VALUES(1,1,'follow_up','/tmp/pg-old-home-v1/drafts/case1-follow_up.eml','<certmerge.bfcd7a30f1ef52d73e86549f@example-corp.co.jp>','RE: [CASE 176530418200731] [AWS Training and Certification Form Submission] - account-assistance','2026-12-04 22:44:00.414361',NULL,NULL,NULL);
CREATE TABLE events (
	id INTEGER NOT NULL, 
	case_id INTEGER NOT NULL, 
	at DATETIME NOT NULL, 
	type VARCHAR(16) NOT NULL, 
	message_ref INTEGER, 
	from_state VARCHAR(32), 
	to_state VARCHAR(32), 
	detail TEXT, 
	PRIMARY KEY (id), 
	FOREIGN KEY(case_id) REFERENCES cases (id), 
	FOREIGN KEY(message_ref) REFERENCES messages (id)
);
INSERT INTO "events" VALUES(1,1,'2026-12-04 22:43:54.129171','action',NULL,NULL,NULL,'case file recorded');
INSERT INTO "events" VALUES(2,1,'2026-12-04 22:43:54.129171','state',NULL,'preparing','ready_to_submit','by route_support');
INSERT INTO "events" VALUES(3,1,'2026-12-04 22:43:55.073818','action',NULL,NULL,NULL,'support case created on the web form');
INSERT INTO "events" VALUES(4,1,'2026-12-04 22:43:55.073818','state',NULL,'ready_to_submit','awaiting_support','by submitted');
INSERT INTO "events" VALUES(5,1,'2026-12-04 22:43:56.136245','mail',1,NULL,NULL,'acknowledgement from aws-cs-trainingcertification-form@amazon.com [pass]: [CASE 176530418200731] [AWS Training and Certification Form Submission] - account-assistance');
INSERT INTO "events" VALUES(6,1,'2026-12-04 22:43:56.152315','mail',2,NULL,NULL,'ai_auto_answer from aws-cs-trainingcertification-form@amazon.com [pass]: RE:[CASE 176530418200731] [AWS Training and Certification Form Submission] - account-assistance');
INSERT INTO "events" VALUES(7,1,'2026-12-04 22:43:56.177994','mail',4,NULL,NULL,'info_request from aws-cs-trainingcertification-form@amazon.com [pass]: RE:[CASE 176530418200731] [AWS Training and Certification Form Submission] - account-assistance 【追加情報のお願い】');
INSERT INTO "events" VALUES(8,1,'2026-12-04 22:43:56.177994','state',4,'awaiting_support','info_requested','by info_request');
INSERT INTO "events" VALUES(9,1,'2026-12-04 22:43:56.186128','mail',5,NULL,NULL,'completion_notice from aws-cs-trainingcertification-form@amazon-certification-support.com [fail]: RE:[CASE 176530418200731] [AWS Training and Certification Form Submission] - account-assistance');
INSERT INTO "events" VALUES(10,1,'2026-12-04 22:43:56.186128','warning',5,NULL,NULL,'NOT trusted (the display name ''AWS Training and Certification'' claims to be AWS/Credly but comes from amazon-certification-support.com, which imitates a vendor domain): ignored, the case did not move');
INSERT INTO "events" VALUES(11,1,'2026-12-04 22:43:56.192242','mail',6,NULL,NULL,'confirmation_request from aws-cs-trainingcertification-form@amazon.com [pass]: RE:[CASE 176530418200731] [AWS Training and Certification Form Submission] - account-assistance');
INSERT INTO "events" VALUES(12,1,'2026-12-04 22:43:56.192242','state',6,'info_requested','confirmation_requested','by confirmation_request');
INSERT INTO "events" VALUES(13,1,'2026-12-04 22:43:56.203136','mail',7,NULL,NULL,'auto_close_warning from aws-cs-trainingcertification-form@amazon.com [pass]: RE:[CASE 176530418200731] [AWS Training and Certification Form Submission] - account-assistance 【ご返信のお願い】');
INSERT INTO "events" VALUES(14,1,'2026-12-04 22:43:56.203136','warning',7,NULL,NULL,'auto-close warning: reply before 2026-11-16 07:20 UTC or the case closes');
INSERT INTO "events" VALUES(15,1,'2026-12-04 22:43:56.215026','mail',8,NULL,NULL,'survey from no-reply-aws@amazon.com [pass]: How did we do? Tell us about your experience with case 176530418200731');
INSERT INTO "events" VALUES(16,1,'2026-12-04 22:43:56.222818','mail',9,NULL,NULL,'completion_notice from aws-cs-trainingcertification-form@amazon.com [pass]: RE:[CASE 176530418200731] [AWS Training and Certification Form Submission] - account-assistance');
INSERT INTO "events" VALUES(17,1,'2026-12-04 22:43:56.222818','state',9,'confirmation_requested','completed','by completion_notice');
INSERT INTO "events" VALUES(18,1,'2026-12-04 22:43:56.243094','mail',11,NULL,NULL,'survey from no-reply-aws@amazon.com [pass]: AWS サポートに関するアンケートのお願い (ケース ID: 176530418200731)');
INSERT INTO "events" VALUES(19,1,'2026-12-04 22:43:56.251471','mail',12,NULL,NULL,'credly_followup from aws-cs-trainingcertification-form@amazon.com [pass]: RE:[CASE 176530418200731] [AWS Training and Certification Form Submission] - account-assistance');
INSERT INTO "events" VALUES(20,1,'2026-12-04 22:43:56.259792','mail',13,NULL,NULL,'credly_followup from admin@credly.com [pass]: You''ve earned a badge: AWS Certified Solutions Architect – Associate');
INSERT INTO "events" VALUES(21,1,'2026-12-04 22:44:01.165697','action',NULL,NULL,NULL,'checked: the Credly badges did not move');
INSERT INTO "events" VALUES(22,1,'2026-12-04 22:44:01.165697','state',NULL,'completed','credly_requested','by verified_missing_credly');
CREATE TABLE messages (
	id INTEGER NOT NULL, 
	case_id INTEGER, 
	dedupe_key VARCHAR(512) NOT NULL, 
	message_id VARCHAR(998), 
	origin TEXT, 
	subject TEXT, 
	sender VARCHAR(320), 
	sender_name TEXT, 
	date DATETIME, 
	processed_at DATETIME NOT NULL, 
	kind VARCHAR(32) NOT NULL, 
	confidence FLOAT NOT NULL, 
	authenticity VARCHAR(16) NOT NULL, 
	auth_reason TEXT, 
	reasons TEXT, 
	vendor_case_id VARCHAR(32), 
	language VARCHAR(8), 
	needs_review BOOLEAN NOT NULL, 
	effect TEXT, 
	in_reply_to TEXT, 
	refs TEXT, 
	text TEXT, 
	direction VARCHAR(8) NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(case_id) REFERENCES cases (id), 
	UNIQUE (dedupe_key)
);
INSERT INTO "messages" VALUES(1,1,'<010001a1999b3098-cbe63ba1-5dd1-48cb-ae97-2d94c6e797cc-000000@email.amazonses.com>','<010001a1999b3098-cbe63ba1-5dd1-48cb-ae97-2d94c6e797cc-000000@email.amazonses.com>','/tmp/pg-old-v1/sample_mail/01-acknowledgement.eml','[CASE 176530418200731] [AWS Training and Certification Form Submission] - account-assistance','aws-cs-trainingcertification-form@amazon.com','AWS Training and Certification','2026-11-02 00:14:07.000000','2026-12-04 22:43:56.136245','acknowledgement',0.99,'pass','dmarc=pass for amazon.com (mx.example-corp.co.jp)','[["ack_received", "body", "we have received your inquiry", 3], ["ack_confirms_receipt", "body", "confirms that we have received", 3], ["ack_created", "body", "case is created", 2.5], ["ack_thanks_contact", "body", "Thank you for contacting", 1], ["ack_no_resubmit", "body", "do not open a new case", 1.5], ["ack_wait_time", "body", "in the order they are received", 1], ["ack_automated", "body", "automated message", 1], ["ack_queue", "body", "expect a response", 1], ["info_proceed", "body", "to verify", 1]]','176530418200731','en',0,'acknowledgement: recorded, state stays awaiting_support','','','Hello,

Thank you for contacting AWS Training and Certification Support. This message confirms that we have received your inquiry. Your case ID is 176530418200731.

Our team reviews requests in the order they are received. You can expect a response within 2–3 business days. Requests that involve changes to an account can take a little longer, because we first need to verify that you own every account involved.

If you have anything to add in the meantime, reply to this email and keep "[CASE 176530418200731]" in the subject line so that your message is attached to the existing case. Please do not open a new case for the same request; duplicate cases slow down our response.

A copy of your submission is included below for your records.

--------------------------------------------------
Name: Taro Yamada
Email: taro.yamada@example-corp.co.jp
Company: Example Corp
Category: account-assistance
Preferred language: English
Description:
I have two AWS Certification accounts. AWS01357913 (taro.personal@example.net) is a personal account I used before joining Example Corp, and AWS02468135 (taro.yamada@example-corp.co.jp) is my work account. I would like to merge the personal account into the work account so that all of my certifications and my exam discount voucher are in one place.
--------------------------------------------------

Kind regards,
AWS Training and Certification

This is an automated message sent when a case is created. Replies to this address are added to your case.','in');
INSERT INTO "messages" VALUES(2,1,'<010001a199a22da8-997b34b0-ea27-4146-a61d-15db8a2e3f8b-000000@email.amazonses.com>','<010001a199a22da8-997b34b0-ea27-4146-a61d-15db8a2e3f8b-000000@email.amazonses.com>','/tmp/pg-old-v1/sample_mail/02-ai-auto-answer.eml','RE:[CASE 176530418200731] [AWS Training and Certification Form Submission] - account-assistance','aws-cs-trainingcertification-form@amazon.com','AWS Training and Certification','2026-11-02 00:21:45.000000','2026-12-04 22:43:56.152315','ai_auto_answer',0.99,'pass','dmarc=pass for amazon.com (mx.example-corp.co.jp)','[["ack_thanks_contact", "body", "Thank you for reaching out to", 1], ["ack_agent_will", "body", "an agent will follow up", 1.5], ["ai_generated", "body", "generated using AI", 4], ["ai_disclosure", "body", "generated using AI", 3], ["ai_did_help", "body", "Did this resolve", 2], ["info_attach", "body", "notification email", 1], ["credly_word", "body", "Credly", 1.5], ["credly_badge", "body", "badges", 1], ["credly_moved", "body", "badges issued through Credly are not moved", 3]]','176530418200731','en',0,'ai_auto_answer: recorded, state stays awaiting_support','<010001a1999b3098-cbe63ba1-5dd1-48cb-ae97-2d94c6e797cc-000000@email.amazonses.com>','<010001a1999b3098-cbe63ba1-5dd1-48cb-ae97-2d94c6e797cc-000000@email.amazonses.com>','Hello Taro,

Thank you for reaching out to AWS Training and Certification. While your case waits for a support agent, here is some information that may help you resolve it right away.

If you have more than one AWS Certification Account, you can usually combine them yourself:

1. Sign in to the AWS Certification Account that you want to keep (https://www.aws.training/Certification).
2. Open Profile > Account merge.
3. Enter the email address and candidate ID of the account that you want to merge into this one, then choose Request merge.
4. A verification code is sent to the notification email address of the other account. Enter the code to finish the request.

After a successful merge, the certifications, exam history and benefits of the merged account are shown under the account that you kept. Digital badges issued through Credly are not moved automatically; you may need to claim them again with the email address of the account that you kept.

Self-service merge is not available when either account has an upcoming exam appointment, or when you can no longer access the notification email address of the other account. In those cases an agent needs to complete the merge for you.

----
This response was generated using AI, based on your case description and AWS Training and Certification help articles. It may not fully match your situation.

Did this resolve your issue? If it did, no action is needed and your case will be closed. If not, an agent will follow up on your case. You can also reply to this email to add details.

AWS Training and Certification','in');
INSERT INTO "messages" VALUES(3,NULL,'<c55c909b-3d14-4e6a-a742-036a03fafb59@example-corp.co.jp>','<c55c909b-3d14-4e6a-a742-036a03fafb59@example-corp.co.jp>','/tmp/pg-old-v1/sample_mail/03-colleague-git-merge.eml','Could you merge my PR into main?','hanako.sato@example-corp.co.jp','Hanako Sato','2026-11-02 02:05:12.000000','2026-12-04 22:43:56.157297','unrelated',0.95,'pass','dmarc=pass for example-corp.co.jp (mx.example-corp.co.jp)','[["off_topic", "gate", "not from a vendor (example-corp.co.jp) and not claiming to be one", 0.0], ["other_git", "body", "feature/", 4]]',NULL,'en',0,'unrelated: not part of a case, recorded','','','Hi Taro,

Could you merge my PR into main when you get a chance? It''s #482 
(feature/export-retry). CI is green and Kenji already approved it, but I 
still don''t have write access to main.

There was one conflict in config/settings.yaml after last week''s merge of 
the logging branch. I resolved it on my side by keeping both keys, so a 
normal merge commit should be fine. Please don''t squash it though -- I''d 
like to keep the migration commit separate so it''s easy to revert.

If it can go in before the 15:00 release cut today, that would be great.

Thanks!
Hanako

-- 
Hanako Sato
Platform Engineering, Example Corp','in');
INSERT INTO "messages" VALUES(4,1,'<010601a19fe4bb90-98043dc1-bab8-49ac-a747-73aa92a154af-000000@ap-northeast-1.amazonses.com>','<010601a19fe4bb90-98043dc1-bab8-49ac-a747-73aa92a154af-000000@ap-northeast-1.amazonses.com>','/tmp/pg-old-v1/sample_mail/04-info-request-ja-iso2022jp.eml','RE:[CASE 176530418200731] [AWS Training and Certification Form Submission] - account-assistance 【追加情報のお願い】','aws-cs-trainingcertification-form@amazon.com','AWS Training and Certification','2026-11-03 05:32:10.000000','2026-12-04 22:43:56.177994','info_request',0.99,'pass','dmarc=pass for amazon.com (mx.example-corp.co.jp)','[["ack_ja_thanks", "body", "お問い合わせいただき、誠にありがとう", 1], ["info_ja_please", "body", "お知らせいただけ", 2], ["info_ja_reply_with", "body", "スをご返信にてお知らせください", 2]]','176530418200731','ja',0,'info_request: awaiting_support -> info_requested','<010001a199a22da8-997b34b0-ea27-4146-a61d-15db8a2e3f8b-000000@email.amazonses.com>','<010001a1999b3098-cbe63ba1-5dd1-48cb-ae97-2d94c6e797cc-000000@email.amazonses.com> <010001a199a22da8-997b34b0-ea27-4146-a61d-15db8a2e3f8b-000000@email.amazonses.com>','山田 太郎 様

AWS トレーニングと認定 カスタマーサポートの鈴木でございます。
このたびはお問い合わせいただき、誠にありがとうございます。

認定アカウントの統合のご依頼について、担当者として内容を
拝見いたしました。手続きを進めるにあたり、恐れ入りますが
以下の 2 点についてお知らせいただけますでしょうか。

1. 統合元アカウント (AWS01357913) の認定通知用メールアドレス
   統合元アカウントには、ログイン用のメールアドレス
   (taro.personal@example.net) とは別に、認定に関するお知らせを
   受け取るためのメールアドレスが登録されております。
   ご本人確認のため、こちらのアドレスをご返信にてお知らせください。

2. 残すアカウントについて
   いただいた内容から、業務用のアカウント AWS02468135
   (taro.yamada@example-corp.co.jp) を残し、個人用のアカウント AWS01357913 の
   認定と特典をそちらへ移すものと理解しております。
   この認識に相違がないか、あわせてお知らせください。

統合後は、統合元アカウントのメールアドレスではサインインできなく
なります。統合元アカウントで試験を予約されている場合は、
先にお知らせいただけますと助かります。

お手数をおかけいたしますが、本メールにご返信いただけますよう
お願い申し上げます。ご返信の際は、件名の [CASE 176530418200731] を
変更しないようご注意ください。

今後ともどうぞよろしくお願いいたします。

鈴木
AWS トレーニングと認定 カスタマーサポート','in');
INSERT INTO "messages" VALUES(5,1,'<ac346865b2756c9deceb451cda6d6e5c@mail.amazon-certification-support.com>','<ac346865b2756c9deceb451cda6d6e5c@mail.amazon-certification-support.com>','/tmp/pg-old-v1/sample_mail/05-forged-completion-lookalike.eml','RE:[CASE 176530418200731] [AWS Training and Certification Form Submission] - account-assistance','aws-cs-trainingcertification-form@amazon-certification-support.com','AWS Training and Certification','2026-11-05 03:47:29.000000','2026-12-04 22:43:56.186128','completion_notice',0.99,'fail','the display name ''AWS Training and Certification'' claims to be AWS/Credly but comes from amazon-certification-support.com, which imitates a vendor domain','[["confirm_merge", "body", "confirm the payment details for the merg", 2], ["done_complete", "body", "merge has been complete", 3], ["done_moved_over", "body", "benefits from your previous account have been moved to", 2.5], ["credly_badge", "body", "badges", 1]]','176530418200731','en',0,'NOT trusted (the display name ''AWS Training and Certification'' claims to be AWS/Credly but comes from amazon-certification-support.com, which imitates a vendor domain): ignored, the case did not move','','','Dear Customer,

We are pleased to inform you that your AWS Certification account merge has been completed successfully. All certifications, digital badges and exam benefits from your previous account have been moved to your primary account.

IMPORTANT: To keep your certifications active after the merge, you must verify your account within 48 hours. Accounts that are not verified will be suspended, and certifications and exam vouchers linked to them may be permanently removed.

Verify your account now:
https://certification.aws.amazon.com.account-verify.click/signin?case=176530418200731&ref=merge-complete

You will be asked to sign in with your AWS Certification credentials and to confirm the payment details for the merged account.

Thank you for choosing AWS.

AWS Training & Certification Team
Case ID: 176530418200731','in');
INSERT INTO "messages" VALUES(6,1,'<010001a1afb95080-d797799d-575e-48a8-ae76-4cbd321e455b-000000@email.amazonses.com>','<010001a1afb95080-d797799d-575e-48a8-ae76-4cbd321e455b-000000@email.amazonses.com>','/tmp/pg-old-v1/sample_mail/06-confirmation-request-html-only.eml','RE:[CASE 176530418200731] [AWS Training and Certification Form Submission] - account-assistance','aws-cs-trainingcertification-form@amazon.com','AWS Training and Certification','2026-11-06 07:18:40.000000','2026-12-04 22:43:56.192242','confirmation_request',0.99,'pass','dmarc=pass for amazon.com (mx.example-corp.co.jp)','[["info_attach", "body", "notification email", 1], ["confirm_reply_to", "body", "reply to confirm", 2.5], ["confirm_merge", "body", "confirm the merg", 2], ["confirm_yes_reply", "body", "\"I confirm\"", 2], ["confirm_irreversible", "body", "cannot be undone", 2]]','176530418200731','en',0,'confirmation_request: info_requested -> confirmation_requested','<46f0a29b-cbfa-494a-ab8c-469c4687cdf5@example-corp.co.jp>','<010001a1999b3098-cbe63ba1-5dd1-48cb-ae97-2d94c6e797cc-000000@email.amazonses.com> <010001a199a22da8-997b34b0-ea27-4146-a61d-15db8a2e3f8b-000000@email.amazonses.com> <010601a19fe4bb90-98043dc1-bab8-49ac-a747-73aa92a154af-000000@ap-northeast-1.amazonses.com> <46f0a29b-cbfa-494a-ab8c-469c4687cdf5@example-corp.co.jp>','Hello Taro,

Thank you for your reply, and for confirming the certification notification email address of account AWS01357913 (taro.p.notify@example.net). I have verified ownership of both accounts, and everything is ready on our side.

Before I submit the merge, please review the details below:

Account to keep
Account to be merged

Account ID
AWS02468135
AWS01357913

Sign-in email
taro.yamada@example-corp.co.jp
taro.personal@example.net

Certifications
AWS Certified Developer – Associate (valid until March 15, 2028)
AWS Certified Solutions Architect – Associate (valid until June 10, 2027)

AWS Certified Cloud Practitioner (expired September 1, 2026)

Benefits
—
50% exam discount voucher (expires June 10, 2027)

If everything above is correct, please reply to confirm the merge of AWS01357913 into AWS02468135. A short reply such as “I confirm” is enough.

Please note that a merge cannot be undone. After the merge you will no longer be able to sign in with taro.personal@example.net, and all of your certification history will be available only under AWS02468135. Your expired Cloud Practitioner certification will stay in your history as expired.

Once I receive your confirmation, the merge is usually processed within 3–5 business days.

Best regards,

Priya N.

AWS Training and Certification Support','in');
INSERT INTO "messages" VALUES(7,1,'<010601a1c45404b8-30cda782-04a7-4ec0-a64b-ce8f1eb4a4f4-000000@ap-northeast-1.amazonses.com>','<010601a1c45404b8-30cda782-04a7-4ec0-a64b-ce8f1eb4a4f4-000000@ap-northeast-1.amazonses.com>','/tmp/pg-old-v1/sample_mail/07-auto-close-warning-ja-sjis.eml','RE:[CASE 176530418200731] [AWS Training and Certification Form Submission] - account-assistance 【ご返信のお願い】','aws-cs-trainingcertification-form@amazon.com','AWS Training and Certification','2026-11-10 07:20:03.000000','2026-12-04 22:43:56.203136','auto_close_warning',0.99,'pass','dmarc=pass for amazon.com (mx.example-corp.co.jp)','[["ack_ja_auto", "body", "システムにより", 1], ["close_ja_no_reply", "body", "ご返信を確認できておりません", 2.5], ["close_ja_auto", "body", "自動的にクローズ", 3], ["close_ja_reopen", "body", "14 日以内", 1]]','176530418200731','ja',0,'auto-close warning: reply before 2026-11-16 07:20 UTC or the case closes','<010001a1afb95080-d797799d-575e-48a8-ae76-4cbd321e455b-000000@email.amazonses.com>','<010001a1999b3098-cbe63ba1-5dd1-48cb-ae97-2d94c6e797cc-000000@email.amazonses.com> <010001a199a22da8-997b34b0-ea27-4146-a61d-15db8a2e3f8b-000000@email.amazonses.com> <010601a19fe4bb90-98043dc1-bab8-49ac-a747-73aa92a154af-000000@ap-northeast-1.amazonses.com> <46f0a29b-cbfa-494a-ab8c-469c4687cdf5@example-corp.co.jp> <010001a1afb95080-d797799d-575e-48a8-ae76-4cbd321e455b-000000@email.amazonses.com>','山田 太郎 様

いつも AWS トレーニングと認定をご利用いただき、ありがとうございます。

11 月 6 日にお送りした、アカウント統合の内容確認のメールについて、
現時点でお客様からのご返信を確認できておりません。

ご返信がない場合、本ケースは 3 日後 (11 月 13 日) に自動的に
クローズされます。統合の手続きを進めてよろしければ、
本メールにそのままご返信ください。

なお、ケースがクローズされた後も、14 日以内であれば本メールへの
ご返信によりケースを再開することができます。再開後は、これまでの
やり取りを引き継いで担当者が対応いたします。

※ ご返信の際は、件名の [CASE 176530418200731] を変更しないでください。
※ このメールが正しく表示されない場合は、サポートセンターの
   ケース一覧から状況をご確認いただけます。

本メールはシステムにより自動送信されています。

AWS トレーニングと認定 カスタマーサポート','in');
INSERT INTO "messages" VALUES(8,1,'<010001a1d4278450-3b2d7fd7-e8d0-4188-af52-6a8775ad78d3-000000@email.amazonses.com>','<010001a1d4278450-3b2d7fd7-e8d0-4188-af52-6a8775ad78d3-000000@email.amazonses.com>','/tmp/pg-old-v1/sample_mail/08-survey-en.eml','How did we do? Tell us about your experience with case 176530418200731','no-reply-aws@amazon.com','Amazon Web Services','2026-11-13 09:05:22.000000','2026-12-04 22:43:56.215026','survey',0.99,'pass','dmarc=pass for amazon.com (mx.example-corp.co.jp)','[["survey_subject", "subject", "How did we do", 1.5], ["survey_word", "body", "survey", 2.5], ["survey_how_did", "body", "How did we do", 2.5], ["survey_minutes", "body", "takes about two minutes", 1], ["close_reopen", "body", "reopen the case within 14 days", 1], ["from_no_reply", "from", "no-reply-aws@amazon.com", 1.0]]','176530418200731','en',0,'survey: recorded, state stays confirmation_requested','','','Hello,

Your recent case with AWS Training and Certification has been resolved.

Case ID: 176530418200731
Subject: [AWS Training and Certification Form Submission] - account-assistance

How did we do? We''d like to hear about your experience. The survey takes
about two minutes, and your answers go directly to the team that handled
your case.

Tell us about your experience:
https://pulse.aws/survey/T9KQ4ZL2?case=176530418200731

If your issue hasn''t been resolved, you can reopen the case within 14 days
by replying to the last message from our support team.

Thank you for helping us improve.

Amazon Web Services

This message was sent to taro.yamada@example-corp.co.jp because you recently
contacted AWS Training and Certification. Amazon Web Services, Inc. is a
subsidiary of Amazon.com, Inc. Amazon.com is a registered trademark of
Amazon.com, Inc.','in');
INSERT INTO "messages" VALUES(9,1,'<010001a1e760fad8-6783c43a-2f49-4764-a518-7640f00138a3-000000@email.amazonses.com>','<010001a1e760fad8-6783c43a-2f49-4764-a518-7640f00138a3-000000@email.amazonses.com>','/tmp/pg-old-v1/sample_mail/09-completion-notice-quoted-history.eml','RE:[CASE 176530418200731] [AWS Training and Certification Form Submission] - account-assistance','aws-cs-trainingcertification-form@amazon.com','AWS Training and Certification','2026-11-17 02:40:55.000000','2026-12-04 22:43:56.222818','completion_notice',0.99,'pass','dmarc=pass for amazon.com (mx.example-corp.co.jp)','[["done_complete", "body", "merge is complete", 3], ["done_merged", "body", "Account AWS01357913 has been merged", 3], ["done_appear", "body", "now appear", 1.5], ["credly_word", "body", "Credly", 1.5], ["credly_badge", "body", "badges", 1]]','176530418200731','en',0,'completion_notice: confirmation_requested -> completed','<2dbb1030-08c7-4399-aee1-a62c923ab19a@example-corp.co.jp>','<010001a1999b3098-cbe63ba1-5dd1-48cb-ae97-2d94c6e797cc-000000@email.amazonses.com> <010001a199a22da8-997b34b0-ea27-4146-a61d-15db8a2e3f8b-000000@email.amazonses.com> <010601a19fe4bb90-98043dc1-bab8-49ac-a747-73aa92a154af-000000@ap-northeast-1.amazonses.com> <46f0a29b-cbfa-494a-ab8c-469c4687cdf5@example-corp.co.jp> <010001a1afb95080-d797799d-575e-48a8-ae76-4cbd321e455b-000000@email.amazonses.com> <010601a1c45404b8-30cda782-04a7-4ec0-a64b-ce8f1eb4a4f4-000000@ap-northeast-1.amazonses.com> <2dbb1030-08c7-4399-aee1-a62c923ab19a@example-corp.co.jp>','Hello Taro,

Thank you for confirming, and no problem at all about the delay — your reply reopened the case automatically.

The merge is complete. Account AWS01357913 has been merged into AWS02468135, and your certifications, exam history and the 50% exam discount voucher now appear under AWS02468135. You can check them under Certifications and Benefits after signing in with taro.yamada@example-corp.co.jp.

Your Credly badges may take a few days to reflect the change. If a badge still shows your old email address after 5 business days, just reply to this email and we''ll look into it.

Best regards,
Priya N.
AWS Training and Certification Support','in');
INSERT INTO "messages" VALUES(10,NULL,'<573b2da72d.c2ecee.1793631821455.JavaMail.root@sjmas01.marketo.org>','<573b2da72d.c2ecee.1793631821455.JavaMail.root@sjmas01.marketo.org>','/tmp/pg-old-v1/sample_mail/10-aws-newsletter-reinvent.eml','Heading to AWS re:Invent? Save 50% on an onsite exam + exam updates','aws-training@amazon.com','AWS Training and Certification','2026-11-17 15:03:41.000000','2026-12-04 22:43:56.235581','unrelated',0.9,'pass','dmarc=pass for amazon.com (mx.example-corp.co.jp)','[["info_attach", "body", "notification email", 1], ["credly_badge", "body", "badge", 1], ["other_marketing", "body", "re:Invent", 3]]',NULL,'en',0,'unrelated: not part of a case, recorded','','','AWS Training and Certification | November 2026
View in browser: https://pages.awscloud.com/Q2T-ZPK-418.html?mkt_tok=hARZK012xyNhAKTsFP_dn_4zu37wHcAmbfJXR2P_ffXGVZKJp6N9C4KSfg_g9DGBOKPSy_oAHHgspEg9

Hi Taro,

AWS re:Invent 2026 is almost here. Whether you''re joining us in Las Vegas or following along online, here''s what''s new for AWS Certified people this month.

GET CERTIFIED AT AWS RE:INVENT
Take an AWS Certification exam at the onsite testing center and save 50% on the exam fee. Seats are limited and onsite registration closes November 25.
Reserve your seat: https://aws.amazon.com/certification/?trk=reinvent26-cert-onsite

VISIT THE AWS CERTIFICATION LOUNGE
Show your AWS Certified digital badge at the Certification Lounge to relax between sessions, pick up exclusive swag and meet other AWS Certified builders.

EXAM UPDATES
- Updated exam guides are available for AWS Certified Developer - Associate and AWS Certified Solutions Architect - Associate.
- New official practice question sets for AWS Certified AI Practitioner are now on AWS Skill Builder.

TIP: KEEP YOUR PROFILE UP TO DATE
Changed jobs or email addresses? Update the notification email address in your AWS Certification Account so you never miss a recertification reminder or a benefit that is about to expire.

See you in Las Vegas!
The AWS Training and Certification team

You are receiving this email because you are an AWS Certified individual. To stop receiving AWS Training and Certification news, unsubscribe here:
https://pages.awscloud.com/communication-preferences.html?mkt_unsubscribe=1

Amazon Web Services, Inc. is a subsidiary of Amazon.com, Inc. Amazon.com is a registered trademark of Amazon.com, Inc. This message was produced and distributed by Amazon Web Services, Inc., 410 Terry Ave. North, Seattle, WA 98109.','in');
INSERT INTO "messages" VALUES(11,1,'<010001a1ec361228-5e4024e1-8b19-4ffa-a954-2d1759ff187c-000000@email.amazonses.com>','<010001a1ec361228-5e4024e1-8b19-4ffa-a954-2d1759ff187c-000000@email.amazonses.com>','/tmp/pg-old-v1/sample_mail/11-survey-ja-utf8-base64.eml','AWS サポートに関するアンケートのお願い (ケース ID: 176530418200731)','no-reply-aws@amazon.com','Amazon Web Services','2026-11-18 01:12:09.000000','2026-12-04 22:43:56.243094','survey',0.99,'pass','dmarc=pass for amazon.com (mx.example-corp.co.jp)','[["survey_subject", "subject", "アンケート", 1.5], ["ack_ja_agent", "body", "担当者からの最後のメールへご返信", 1.5], ["survey_word", "body", "survey", 2.5], ["survey_ja", "body", "アンケート", 3], ["close_ja_reopen", "body", "14 日以内", 1], ["from_no_reply", "from", "no-reply-aws@amazon.com", 1.0]]','176530418200731','ja',0,'survey: recorded, state stays completed','','','山田 太郎 様

AWS トレーニングと認定 カスタマーサポートをご利用いただき、
誠にありがとうございました。
お問い合わせいただいた以下のケースは解決済みとなりました。

ケース ID: 176530418200731
件名: [AWS Training and Certification Form Submission] - account-assistance

サービス向上のため、今回のサポートについてのアンケートへの
ご協力をお願いいたします。所要時間は 2 分ほどです。
いただいたご意見は、対応した担当チームに共有し、
サポート品質の改善に活用させていただきます。

今回のサポートの満足度を、5 段階でお聞かせください。

アンケートに回答する:
https://pulse.aws/survey/JQ7M2XRA?case=176530418200731&lang=ja

問題が解決していない場合は、14 日以内に担当者からの最後のメールへ
ご返信いただくことで、ケースを再開できます。

今後とも Amazon Web Services をよろしくお願いいたします。

本メールは送信専用のアドレスからお送りしています。
このメールに返信されても、お答えすることはできませんのでご了承ください。
Amazon Web Services, Inc. は Amazon.com, Inc. の子会社です。','in');
INSERT INTO "messages" VALUES(12,1,'<010001a1f26903f8-b816f27d-82f8-41fa-a13f-443e4fc5b5dd-000000@email.amazonses.com>','<010001a1f26903f8-b816f27d-82f8-41fa-a13f-443e4fc5b5dd-000000@email.amazonses.com>','/tmp/pg-old-v1/sample_mail/12-credly-followup-support.eml','RE:[CASE 176530418200731] [AWS Training and Certification Form Submission] - account-assistance','aws-cs-trainingcertification-form@amazon.com','AWS Training and Certification','2026-11-19 06:05:31.000000','2026-12-04 22:43:56.251471','credly_followup',0.99,'pass','dmarc=pass for amazon.com (mx.example-corp.co.jp)','[["credly_word", "body", "Credly", 1.5], ["credly_badge", "body", "badges", 1], ["credly_accept", "body", "accept the badge", 3], ["credly_moved", "body", "re-issued badge", 3]]','176530418200731','en',0,'credly_followup: recorded, state stays completed','<fff378f4-f03f-46d4-a3f9-cde0a50db8aa@example-corp.co.jp>','<010001a1999b3098-cbe63ba1-5dd1-48cb-ae97-2d94c6e797cc-000000@email.amazonses.com> <010601a19fe4bb90-98043dc1-bab8-49ac-a747-73aa92a154af-000000@ap-northeast-1.amazonses.com> <46f0a29b-cbfa-494a-ab8c-469c4687cdf5@example-corp.co.jp> <010001a1afb95080-d797799d-575e-48a8-ae76-4cbd321e455b-000000@email.amazonses.com> <2dbb1030-08c7-4399-aee1-a62c923ab19a@example-corp.co.jp> <010001a1e760fad8-6783c43a-2f49-4764-a518-7640f00138a3-000000@email.amazonses.com> <fff378f4-f03f-46d4-a3f9-cde0a50db8aa@example-corp.co.jp>','Hello Taro,

Thanks for letting us know about the badges, and sorry for the confusion.

Because your Solutions Architect badge was originally issued to taro.personal@example.net, it didn’t move together with the certification records. I asked our badging team to transfer it, and it has now been re-issued to taro.yamada@example-corp.co.jp:

  • AWS Certified Solutions Architect – Associate (valid until June 10, 2027)

Your AWS Certified Developer – Associate badge was already issued to your work email, so nothing changes there.

You’ll receive an email from Credly (admin@credly.com) for the re-issued badge shortly. Please open it and accept the badge in Credly. If you already have a Credly profile under your personal address, you can add taro.yamada@example-corp.co.jp to that profile under Settings › Account › Email addresses, so that both addresses point to the same profile.

Your AWS Certified Cloud Practitioner badge expired on September 1, 2026, so it wasn’t re-issued; it stays in your Credly history as expired.

If the badge doesn’t show up within 2 business days, reply here and I’ll follow up with the badging team.

Best regards,
Daniel K.
AWS Training and Certification Support','in');
INSERT INTO "messages" VALUES(13,1,'<p7YevDuWEdgkXugcoSXJsw@geopod-ismtpd-14>','<p7YevDuWEdgkXugcoSXJsw@geopod-ismtpd-14>','/tmp/pg-old-v1/sample_mail/13-credly-badge-issued.eml','You''ve earned a badge: AWS Certified Solutions Architect – Associate','admin@credly.com','Credly','2026-11-19 06:48:17.000000','2026-12-04 22:43:56.259792','credly_followup',0.99,'pass','dmarc=pass for credly.com (mx.example-corp.co.jp)','[["credly_subject", "subject", "badge", 1.5], ["credly_word", "body", "Credly", 1.5], ["credly_badge", "body", "badge", 1], ["credly_accept", "body", "Accept your badge", 3], ["credly_issued", "body", "you''ve earned a", 3], ["from_credly", "from", "admin@credly.com", 2.0]]',NULL,'en',0,'credly_followup: recorded, state stays completed','','','Taro, you''ve earned a badge!

Amazon Web Services Training and Certification has issued you a badge:

AWS Certified Solutions Architect – Associate

Accept your badge to add it to your Credly profile, share it on LinkedIn and other networks, and let employers verify your achievement in one click.

Accept your badge:
https://www.credly.com/earner/earned/badge/3f6c2a9e-8b1d-4f57-a0c3-5e9d7b4216ac

This badge was issued to taro.yamada@example-corp.co.jp. If you already have a Credly account under a different email address, sign in to that account and add this address under Settings before accepting, so the badge lands in your existing profile.

Questions? Visit https://support.credly.com

You''re receiving this email because an organization issued you a badge on Credly.
Manage your notification settings: https://www.credly.com/earner/settings/notifications','in');
INSERT INTO "messages" VALUES(14,NULL,'<20261120091544.6A1F.4B5C2D3E@example-corp.co.jp>','<20261120091544.6A1F.4B5C2D3E@example-corp.co.jp>','/tmp/pg-old-v1/sample_mail/14-colleague-department-merge-ja.eml','【ご連絡】12月1日付の部署統合と定例会議の変更について','kenji.tanaka@example-corp.co.jp','田中 健二','2026-11-20 00:15:44.000000','2026-12-04 22:43:56.267865','unrelated',0.8,'unverified','no Authentication-Results on the mail','[["off_topic", "gate", "not from a vendor (example-corp.co.jp) and not claiming to be one", 0.0], ["info_ja_please", "body", "お知らせください", 2], ["other_git", "body", "リポジトリ", 4], ["other_ja_company", "body", "部署", 2]]',NULL,'ja',0,'unrelated: not part of a case, recorded','','','山田さん

お疲れさまです。田中です。

既に部長からお聞きかもしれませんが、12 月 1 日付で
プラットフォーム開発部とインフラ運用部が統合され、
「クラウド基盤部」として一つの部署になります。

統合に伴い、以下の点が変わりますのでご確認ください。

・毎週火曜の定例会議は、12 月から木曜 10:00 に変更になります
・会議室は 8 階の大会議室 (旧インフラ運用部側) を使います
・共有フォルダとチャットのチャンネルは 11 月 27 日までに統合予定です

統合後のチーム体制について、来週 11 月 25 日 (水) 15:00 から
説明会を予定しています。山田さんには、リポジトリと CI の
移行状況を 5 分ほどで共有していただけると助かります。

ご都合が悪い場合は、今日中にお知らせください。

よろしくお願いします。

田中
--
田中 健二
株式会社サンプル プラットフォーム開発部
内線: 4127','in');
CREATE TABLE meta (
	"key" VARCHAR(64) NOT NULL, 
	value TEXT, 
	PRIMARY KEY ("key")
);
INSERT INTO "meta" VALUES('schema_version','1');
CREATE TABLE positions (
	source VARCHAR(512) NOT NULL, 
	uidvalidity INTEGER NOT NULL, 
	last_uid INTEGER NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (source)
);
INSERT INTO "positions" VALUES('imap:INBOX',1700000000,4321,'2026-11-05 09:30:00.000000');
CREATE TABLE seen (
	source VARCHAR(512) NOT NULL, 
	"key" VARCHAR(512) NOT NULL, 
	PRIMARY KEY (source, "key")
);
INSERT INTO "seen" VALUES('folder:/tmp/pg-old-v1/sample_mail','01-acknowledgement.eml');
INSERT INTO "seen" VALUES('folder:/tmp/pg-old-v1/sample_mail','02-ai-auto-answer.eml');
INSERT INTO "seen" VALUES('folder:/tmp/pg-old-v1/sample_mail','03-colleague-git-merge.eml');
INSERT INTO "seen" VALUES('folder:/tmp/pg-old-v1/sample_mail','04-info-request-ja-iso2022jp.eml');
INSERT INTO "seen" VALUES('folder:/tmp/pg-old-v1/sample_mail','05-forged-completion-lookalike.eml');
INSERT INTO "seen" VALUES('folder:/tmp/pg-old-v1/sample_mail','06-confirmation-request-html-only.eml');
INSERT INTO "seen" VALUES('folder:/tmp/pg-old-v1/sample_mail','07-auto-close-warning-ja-sjis.eml');
INSERT INTO "seen" VALUES('folder:/tmp/pg-old-v1/sample_mail','08-survey-en.eml');
INSERT INTO "seen" VALUES('folder:/tmp/pg-old-v1/sample_mail','09-completion-notice-quoted-history.eml');
INSERT INTO "seen" VALUES('folder:/tmp/pg-old-v1/sample_mail','10-aws-newsletter-reinvent.eml');
INSERT INTO "seen" VALUES('folder:/tmp/pg-old-v1/sample_mail','11-survey-ja-utf8-base64.eml');
INSERT INTO "seen" VALUES('folder:/tmp/pg-old-v1/sample_mail','12-credly-followup-support.eml');
INSERT INTO "seen" VALUES('folder:/tmp/pg-old-v1/sample_mail','13-credly-badge-issued.eml');
INSERT INTO "seen" VALUES('folder:/tmp/pg-old-v1/sample_mail','14-colleague-department-merge-ja.eml');
CREATE INDEX ix_cases_vendor_case_id ON cases (vendor_case_id);
CREATE INDEX ix_messages_case_id ON messages (case_id);
CREATE INDEX ix_messages_message_id ON messages (message_id);
CREATE INDEX ix_events_case_id ON events (case_id);
COMMIT;
