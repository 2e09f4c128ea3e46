#!/usr/bin/env python3
"""Generate the HELD-OUT evaluation corpus (tests/heldout/): 24 mails written before the classifier was
tuned, and never tuned on. Their figures are reported separately from tests/labeled.

    python3 tests/heldout/make_heldout.py          # (re)write h001.eml ... and labels.csv

The MIME plumbing (charsets, encoded words, trace headers) is borrowed from tests/labeled/make_corpus.py;
every mail text below is new wording, with new people and new case IDs. Labels follow the same rules as
tests/labeled (docs/mail-facts.md): forwarded mail has the forwarded mail's kind and the OUTER sender's
authenticity; a mail claiming to be AWS/Credly from a non-vendor domain is `fail`.
"""

from __future__ import annotations

import csv
import importlib.util
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("make_corpus", os.path.join(HERE, "..", "labeled", "make_corpus.py"))
mc = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(mc)

AR, D, RCV, Leaf, Multi, Rfc822, SJ, A = mc.AR, mc.D, mc.RCV, mc.Leaf, mc.Multi, mc.Rfc822, mc.SJ, mc.A
ses_mid, gmail_mid, plain_mid, outlook_mid = mc.ses_mid, mc.gmail_mid, mc.plain_mid, mc.outlook_mid
AWS_TC, AWS_NOREPLY, CREDLY = mc.AWS_TC, mc.AWS_NOREPLY, mc.CREDLY

MAILS: list[dict] = []

# People and servers of the held-out set
MX_AC = "mx.acme-logistics.jp"          # Kaito Mori, case 176700112200345
MX_GO = "mx.google.com"                 # Sarah Lindqvist, case 176711890400127
MX_OL = "OS0PR01MB5874.jpnprd01.prod.outlook.com"  # Yui Hoshino, case 176723344500981
MX_RB = "smtp-in.rainbowtech.example"   # Omar Haddad, case 176735566700412
KAITO = A("森 海斗", "kaito.mori@acme-logistics.jp")
SARAH = "Sarah Lindqvist <sarah.lindqvist@gmail.com>"
YUI = A("星野 結衣", "yui.hoshino@contoso.jp")
OMAR = "Omar Haddad <omar.haddad@rainbowtech.example>"
C_KAITO, C_SARAH, C_YUI, C_OMAR = "176700112200345", "176711890400127", "176723344500981", "176735566700412"
SUBJ = "[CASE %s] [AWS Training and Certification Form Submission] - account-assistance"


def add(kind, auth, case, lang, notes, hdr, body, eol="\n"):
    MAILS.append(dict(kind=kind, auth=auth, case=case, lang=lang, notes=notes, hdr=hdr, body=body, eol=eol))


def aws_hdr(serv, seed, date, to, subject, sender=AWS_TC, ar=None):
    return [ar or mc.ar_aws(serv), *mc.DK_AWS(seed, 1762000000), ("Date", date), ("From", sender), ("To", to),
            ("Message-ID", ses_mid(seed)), ("Subject", subject), *mc.SES_EXTRA(seed)]


# ---------------------------------------------------------------- acknowledgement
add("acknowledgement", "pass", C_SARAH, "en", "HTML-only table layout; Google AR",
    aws_hdr(None, "h-ack-1", D(2026, 12, 1, 9, 2), SARAH, SUBJ % C_SARAH, ar=mc.ar_aws_google("h-ack-1")),
    Leaf("""<html><body><table width="600"><tr><td>
<p>Hi there,</p>
<p>This is an automated confirmation. Your support request about <b>Account merge</b> has been logged
under case number <b>%s</b>.</p>
<p>An associate from our team will reach out within 48 hours. There is no need to resubmit the form;
replying to this thread adds your message to the same case.</p>
<p>Kind regards,<br>AWS Training &amp; Certification Customer Service</p>
</td></tr></table></body></html>
""" % C_SARAH, sub="html", cte="quoted-printable"))

add("acknowledgement", "pass", C_KAITO, "ja", "ISO-2022-JP CP50220-style (～ and ①); subject ISO-2022-JP",
    aws_hdr(MX_AC, "h-ack-2", D(2026, 12, 2, 1, 10), KAITO,
            SJ("[CASE %s]" % C_KAITO, "お問い合わせ受付のお知らせ", "iso2022_jp")),
    Leaf("""森 海斗 様

このたびは AWS トレーニングと認定にお問い合わせいただき、誠にありがとうございます。
本メールは、お問い合わせを受領したことをお知らせする自動送信メールです。

　ケース ID：%s
　件名：アカウントの統合

① 担当者より2～3営業日以内にご連絡いたします。
② 追加の情報がある場合は、このメールにそのままご返信ください。

AWS トレーニングと認定 カスタマーサポート
""" % C_KAITO, cs="iso2022_jp", cte="7bit", encoder=mc.jis_windows))

# ---------------------------------------------------------------- AI auto answer
add("ai_auto_answer", "pass", C_OMAR, "en", "virtual assistant wording; multipart/alternative",
    aws_hdr(MX_RB, "h-ai-1", D(2026, 12, 3, 14, 0), OMAR, "RE:" + SUBJ % C_OMAR),
    Multi("alternative", [Leaf("""Hello Omar,

The answer below was prepared by our virtual assistant from the details in your request.

Merging two certification profiles
- Sign in to aws.training with the account you want to keep.
- Go to Profile > Account merge and follow the prompts.
- If both profiles hold active certifications, the portal cannot merge them and our team will help.

Was this response useful? If your question is still open, reply with "I need more help" and a person
from our support team will take over the case.

AWS Training and Certification
""", cte="quoted-printable"), Leaf("""<p>Hello Omar,</p><p>The answer below was prepared by our virtual
assistant from the details in your request.</p><ul><li>Sign in to aws.training with the account you want to
keep.</li><li>Go to Profile &gt; Account merge and follow the prompts.</li><li>If both profiles hold active
certifications, the portal cannot merge them and our team will help.</li></ul><p>Was this response useful?
If your question is still open, reply with "I need more help" and a person from our support team will take
over the case.</p><p>AWS Training and Certification</p>""", sub="html", cte="quoted-printable")],
          "h-ai-1-b"))

add("ai_auto_answer", "pass", C_YUI, "ja", "Shift_JIS (CP932) body; EOP header without authserv-id",
    aws_hdr(None, "h-ai-2", D(2026, 12, 4, 2, 30), YUI, "RE:" + SUBJ % C_YUI, ar=mc.ar_eop(None)),
    Leaf("""星野 結衣 様

このメールは AI アシスタントが自動で作成したご案内です。

アカウントの統合について、よくあるご質問をもとに手順をお送りします。
１．残したいアカウントで aws.training にサインインします。
２．［プロフィール］から［アカウントの統合］を選びます。
３．画面の指示に沿って操作してください。

上記で問題が解決しない場合は、このメールにご返信ください。担当者が引き継いで対応いたします。

AWS トレーニングと認定
""", cs="cp932", cte="8bit"), eol="\r\n")

# ---------------------------------------------------------------- info request
add("info_request", "pass", C_SARAH, "en", "Outlook-style quote block (From:/Sent:) of the acknowledgement",
    aws_hdr(None, "h-info-1", D(2026, 12, 3, 16, 45), SARAH, "RE:" + SUBJ % C_SARAH,
            ar=mc.ar_aws_google("h-info-1")),
    Leaf("""Hi Sarah,

Thanks for writing in. So that I can locate your second profile, I'll need the following from you:

1) The full name you used when you registered for your first exam.
2) The candidate ID of the older profile (it starts with AWS and is followed by 8 digits).
3) Roughly when you took that exam.

Once I have these, I can move ahead with the merge request.

Regards,
Tomasz
AWS Training and Certification

From: AWS Training and Certification <aws-cs-trainingcertification-form@amazon.com>
Sent: Monday, December 1, 2026 9:02 AM
To: Sarah Lindqvist <sarah.lindqvist@gmail.com>
Subject: [CASE %s] [AWS Training and Certification Form Submission] - account-assistance

This is an automated confirmation. Your support request has been logged.
""" % C_SARAH, cte="quoted-printable"))

add("info_request", "pass", C_KAITO, "ja", "EUC-JP 8bit; keigo; bullet list",
    aws_hdr(MX_AC, "h-info-2", D(2026, 12, 4, 5, 0), KAITO,
            SJ("RE:[CASE %s]" % C_KAITO, "アカウントの統合について", "utf-8")),
    Leaf("""森 海斗 様

AWS トレーニングと認定の高橋でございます。
アカウント統合のご依頼を確認いたしました。

お手数ですが、以下の情報をご返信いただけますでしょうか。
・統合元アカウントに登録されているメールアドレス
・受験時に使用された氏名（ローマ字表記）
・お持ちの認定資格の認定番号

いただいた情報をもとに、両アカウントの照合を進めさせていただきます。

高橋
AWS トレーニングと認定
""", cs="euc_jp", cte="8bit"))

add("info_request", "pass", C_OMAR, "en",
    "user's own Outlook forward (Fw:, -----Original Message-----) from his phone mailbox to work; outer pass",
    [AR(MX_RB, "dkim=pass header.d=rainbowtech.example header.s=sel1", "spf=pass smtp.mailfrom=rainbowtech.example",
        "dmarc=pass header.from=rainbowtech.example"),
     ("Date", D(2026, 12, 5, 8, 0)), ("From", "Omar Haddad <o.haddad@rainbowtech.example>"), ("To", OMAR),
     ("Message-ID", plain_mid("h-info-3", "rainbowtech.example")),
     ("Subject", "Fw: RE:" + SUBJ % C_OMAR)],
    Leaf("""Keeping a copy here, need to dig out the old score report.

-----Original Message-----
From: AWS Training and Certification <aws-cs-trainingcertification-form@amazon.com>
Sent: Friday, December 4, 2026 6:12 PM
To: Omar Haddad <omar.haddad@rainbowtech.example>
Subject: RE:[CASE %s] [AWS Training and Certification Form Submission] - account-assistance

Hello Omar,

A person from our team here. I could not match the older profile to your name yet. Could you send me the
validation number printed on your Cloud Practitioner certificate, and the email address you used back then?

Thanks,
Ines
AWS Training and Certification
""" % C_OMAR, cs="us-ascii", cte="7bit"), eol="\r\n")

# ---------------------------------------------------------------- confirmation request
add("confirmation_request", "pass", C_SARAH, "en", "plain text; 'can't be reversed'; quoted user reply with >",
    aws_hdr(None, "h-conf-1", D(2026, 12, 7, 11, 20), SARAH, "RE:" + SUBJ % C_SARAH,
            ar=mc.ar_aws_google("h-conf-1")),
    Leaf("""Hi Sarah,

Thanks, I found both profiles. Before I go ahead, I want to make sure we have it right:

  Keep:   AWS55120347 (sarah.lindqvist@gmail.com)
  Remove: AWS31009876 (s.lindqvist@nordicdata.se) - its certifications move to AWS55120347

Please reply "Yes, go ahead" if this is correct. Once done, this can't be reversed.

Tomasz
AWS Training and Certification

On Sat, Dec 5, 2026 at 10:02 AM Sarah Lindqvist <sarah.lindqvist@gmail.com> wrote:
> Hi Tomasz, the old candidate ID is AWS31009876, I used s.lindqvist@nordicdata.se back then.
""", cte="quoted-printable"))

add("confirmation_request", "pass", C_YUI, "ja", "HTML-only utf-8 base64; gmail_quote container with older mail",
    aws_hdr(None, "h-conf-2", D(2026, 12, 8, 3, 0), YUI, "RE:" + SUBJ % C_YUI, ar=mc.ar_eop(None)),
    Leaf("""<html><body><div dir="ltr">
<p>星野 結衣 様</p>
<p>AWS トレーニングと認定の佐藤です。ご情報ありがとうございます。</p>
<p>以下の内容で統合を実施してもよろしいでしょうか。</p>
<table border="1"><tr><td>残すアカウント</td><td>AWS66012345（yui.hoshino@contoso.jp）</td></tr>
<tr><td>統合されるアカウント</td><td>AWS66098765（yui.h@example.jp）</td></tr></table>
<p>問題なければ「同意します」とご返信ください。統合後に元の状態へ戻すことはできませんので、ご了承ください。</p>
<p>佐藤<br>AWS トレーニングと認定</p>
</div>
<div class="gmail_quote"><div class="gmail_attr">2026年12月6日(日) 9:15 星野 結衣 &lt;yui.hoshino@contoso.jp&gt;:</div>
<blockquote class="gmail_quote">認定番号は ABCD1234EFGH です。統合の手続きを進めてください。</blockquote></div>
</body></html>
""", sub="html", cte="base64"))

add("confirmation_request", "fail", C_KAITO, "en",
    "FORGERY: From aws-cs-trainingcertification-form@amazon.com, topmost AR dkim=fail dmarc=fail; a LOWER "
    "sender-added AR claims pass; dkim=pass only for amazonses.com; asks to confirm via a link",
    [AR(MX_AC, "dkim=fail (body hash did not verify) header.d=amazon.com", "dkim=pass header.d=amazonses.com",
        "spf=softfail smtp.mailfrom=bounce.merge-verify.example", "dmarc=fail (p=quarantine) header.from=amazon.com"),
     AR(MX_AC, "dkim=pass header.d=amazon.com", "spf=pass smtp.mailfrom=amazonses.com",
        "dmarc=pass header.from=amazon.com"),
     ("Date", D(2026, 12, 6, 22, 0)), ("From", AWS_TC), ("To", KAITO), ("Reply-To", "merge-desk@merge-verify.example"),
     ("Message-ID", "<f00d1234@merge-verify.example>"), ("Subject", "RE:" + SUBJ % C_KAITO)],
    Leaf("""Dear customer,

We are ready to merge your certification accounts. Please confirm that you want to merge the accounts by
signing in at the link below within 24 hours. This action cannot be undone.

https://merge-verify.example/confirm?case=%s

AWS Training and Certification
""" % C_KAITO, cs="us-ascii", cte="7bit"))

# ---------------------------------------------------------------- completion notice
add("completion_notice", "pass", C_SARAH, "en", "Gmail reply quoting the user's consent (On ... wrote:)",
    aws_hdr(None, "h-done-1", D(2026, 12, 9, 15, 30), SARAH, "RE:" + SUBJ % C_SARAH,
            ar=mc.ar_aws_google("h-done-1")),
    Leaf("""Hi Sarah,

Good news: your two certification profiles are now one. Everything from AWS31009876 has been transferred
to AWS55120347, including your exam history. Please allow up to 24 hours for your transcript to update.

Best,
Tomasz
AWS Training and Certification

On Mon, Dec 7, 2026 at 12:40 PM Sarah Lindqvist <sarah.lindqvist@gmail.com> wrote:
> Yes, go ahead.
>
> On Mon, Dec 7, 2026 at 11:20 AM AWS Training and Certification wrote:
>> Please reply "Yes, go ahead" if this is correct. Once done, this can't be reversed.
""", cte="quoted-printable"))

add("completion_notice", "pass", C_KAITO, "ja", "ISO-2022-JP; 作業が終わりました wording; JA quote header",
    aws_hdr(MX_AC, "h-done-2", D(2026, 12, 10, 6, 0), KAITO,
            SJ("RE:[CASE %s]" % C_KAITO, "アカウントの統合について", "iso2022_jp")),
    Leaf("""森 海斗 様

AWS トレーニングと認定の高橋です。
ご依頼いただいたアカウントの統合作業が終わりましたので、ご連絡いたします。

今後は AWS77001234（kaito.mori@acme-logistics.jp）でサインインしてください。
認定資格の一覧に、旧アカウントの資格が表示されていることをご確認ください。

高橋
AWS トレーニングと認定

2026年12月8日(火) 18:02 森 海斗 <kaito.mori@acme-logistics.jp>:
> 統合してください。よろしくお願いします。
""", cs="iso2022_jp", cte="7bit"))

add("completion_notice", "fail", C_OMAR, "en",
    "FORGERY: look-alike amazon-certification.net (its own DMARC passes); 'merge complete' + sign-in lure",
    [AR(MX_RB, "dkim=pass header.d=amazon-certification.net header.s=k2",
        "spf=pass smtp.mailfrom=amazon-certification.net", "dmarc=pass header.from=amazon-certification.net"),
     ("Date", D(2026, 12, 8, 4, 0)), ("From", "AWS Certification Team <noreply@amazon-certification.net>"),
     ("To", OMAR), ("Message-ID", plain_mid("h-done-3", "amazon-certification.net")),
     ("Subject", "RE:" + SUBJ % C_OMAR)],
    Leaf("""Hello Omar,

Your account merge has been completed successfully. To keep your certifications active, verify your
sign-in details within 48 hours: https://amazon-certification.net/verify

AWS Certification Team
""", cs="us-ascii", cte="7bit"))

# ---------------------------------------------------------------- Credly follow-up
add("credly_followup", "pass", C_YUI, "en", "support agent about badges after the merge; EOP AR",
    aws_hdr(None, "h-cred-1", D(2026, 12, 11, 1, 0), YUI, "RE:" + SUBJ % C_YUI, ar=mc.ar_eop(None)),
    Leaf("""Hello Yui,

A quick follow-up on your digital badges. We asked Credly to transfer your three badges to the email
address on the account you kept. You will receive a message from Credly for each one; please accept them
there. The badges on the old address will be revoked after that.

Best regards,
Sato
AWS Training and Certification
""", cs="us-ascii", cte="7bit"), eol="\r\n")

add("credly_followup", "pass", "", "en", "Credly 'new badge' HTML mail from admin@credly.com",
    [AR(MX_GO, "dkim=pass header.i=@credly.com header.s=s1", "spf=pass smtp.mailfrom=em.credly.com",
        "dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=credly.com"),
     ("Date", D(2026, 12, 12, 18, 0)), ("From", CREDLY), ("To", SARAH),
     ("Message-ID", plain_mid("h-cred-2", "credly.com")),
     ("Subject", "Sarah, you've received a new badge from AWS Training and Certification")],
    Leaf("""<html><body><h2>Congratulations, Sarah!</h2>
<p>AWS Training and Certification has sent you a badge: <b>AWS Certified Data Engineer &ndash; Associate</b>.</p>
<p><a href="https://www.credly.com/badges/accept">Accept badge</a></p>
<p>Once accepted, you can share it on LinkedIn or add it to your email signature.</p>
<p style="font-size:11px">Credly, 1 World Trade Center, New York. Notification settings can be changed in
your Credly account.</p></body></html>
""", sub="html", cte="quoted-printable"))

add("credly_followup", "fail", "", "en",
    "FORGERY: credIy.com (capital I for l) claims to be Credly; own DMARC passes; badge-expiry threat",
    [AR(MX_AC, "dkim=pass header.d=crediy.com header.s=s1", "spf=pass smtp.mailfrom=crediy.com",
        "dmarc=pass header.from=crediy.com"),
     ("Date", D(2026, 12, 12, 3, 0)), ("From", "Credly <admin@credIy.com>"), ("To", KAITO),
     ("Message-ID", plain_mid("h-cred-3", "crediy.com")),
     ("Subject", "Your AWS badges will expire - action needed")],
    Leaf("""Hi Kaito,

Because your AWS Certification accounts were merged, your badges must be claimed again. Accept your badges
within 3 days or they will be removed permanently: https://crediy.com/claim

Credly Support
""", cs="us-ascii", cte="7bit"))

# ---------------------------------------------------------------- survey
add("survey", "pass", C_OMAR, "en", "one-question CSAT from no-reply-aws; multipart",
    aws_hdr(MX_RB, "h-surv-1", D(2026, 12, 14, 10, 0), OMAR,
            "We'd love your feedback on case %s" % C_OMAR, sender=AWS_NOREPLY),
    Multi("alternative", [Leaf("""Hello,

Your AWS Training and Certification case %s was recently closed.

One question: how satisfied were you with the support you received?
  1 - Very dissatisfied   https://feedback.aws.amazon.com/r?c=%s&s=1
  3 - Neutral             https://feedback.aws.amazon.com/r?c=%s&s=3
  5 - Very satisfied      https://feedback.aws.amazon.com/r?c=%s&s=5

Thank you for helping us get better.
Amazon Web Services
""" % ((C_OMAR,) * 4), cs="us-ascii", cte="7bit"),
        Leaf("""<p>Your AWS Training and Certification case %s was recently closed.</p>
<p>One question: how satisfied were you with the support you received?</p>
<p><a href="#">1</a> <a href="#">2</a> <a href="#">3</a> <a href="#">4</a> <a href="#">5</a></p>""" % C_OMAR,
             sub="html", cs="us-ascii", cte="7bit")], "h-surv-1-b"))

add("survey", "pass", C_YUI, "ja", "utf-8 qp; ご感想 wording; subject Q-encoded",
    aws_hdr(None, "h-surv-2", D(2026, 12, 15, 0, 0), YUI,
            SJ("", "サポートのご利用についてお聞かせください", "utf-8", "Q"), sender=AWS_NOREPLY,
            ar=mc.ar_eop(None)),
    Leaf("""星野 結衣 様

AWS トレーニングと認定のサポートをご利用いただき、ありがとうございました。
（ケース ID：%s）

今回の対応についてのご感想をお聞かせください。所要時間は1分程度です。
https://feedback.aws.amazon.com/jp?c=%s

いただいた声は、サポート品質の向上に役立てさせていただきます。
※このメールは送信専用です。
""" % (C_YUI, C_YUI), cte="quoted-printable"))

# ---------------------------------------------------------------- auto-close warning
add("auto_close_warning", "pass", C_KAITO, "en", "HTML-only; 'mark this case as resolved in 5 days'",
    aws_hdr(MX_AC, "h-close-1", D(2026, 12, 9, 2, 0), KAITO, "RE:" + SUBJ % C_KAITO),
    Leaf("""<html><body><p>Hello Kaito,</p>
<p>We wanted to follow up on our previous message. Since we still need the certification numbers we asked
for, and have not had a reply yet, we'll mark this case as resolved in 5 days.</p>
<p>If you still need assistance, simply reply to this email before then.</p>
<p>Thank you,<br>AWS Training and Certification</p></body></html>
""", sub="html", cs="us-ascii", cte="7bit"))

add("auto_close_warning", "pass", C_OMAR, "ja", "Shift_JIS; Japanese reminder to an English-named user",
    aws_hdr(MX_RB, "h-close-2", D(2026, 12, 10, 2, 0), OMAR,
            SJ("RE:[CASE %s]" % C_OMAR, "ご返信のお願い", "cp932")),
    Leaf("""Omar Haddad 様

前回のご案内から1週間が経過いたしましたが、まだご返信をいただけておりません。
3営業日以内にご返信がない場合、本ケースはクローズとさせていただきます。

引き続きサポートが必要な場合は、このメールにご返信ください。

AWS トレーニングと認定 カスタマーサポート
""", cs="cp932", cte="8bit"), eol="\r\n")

# ---------------------------------------------------------------- unrelated (hard negatives)
add("unrelated", "pass", "", "en", "HARD NEGATIVE: IT department merging directory accounts; 'merge', 'confirm'",
    [AR(MX_RB, "dkim=pass header.d=rainbowtech.example header.s=sel1", "spf=pass smtp.mailfrom=rainbowtech.example",
        "dmarc=pass header.from=rainbowtech.example"),
     ("Date", D(2026, 12, 2, 7, 0)), ("From", "IT Service Desk <it-desk@rainbowtech.example>"), ("To", OMAR),
     ("Message-ID", plain_mid("h-un-1", "rainbowtech.example")),
     ("Subject", "Action needed: your two directory accounts will be merged")],
    Leaf("""Hi Omar,

As part of the migration, your accounts in the old and new directories will be merged on December 12.
Please confirm your preferred login name by replying to this ticket. After the merge is complete, your old
username will stop working.

Thanks,
IT Service Desk
""", cs="us-ascii", cte="7bit"))

add("unrelated", "pass", "", "ja", "HARD NEGATIVE: AWS certification marketing from amazon.com with 配信停止",
    aws_hdr(MX_AC, "h-un-2", D(2026, 12, 3, 1, 0), KAITO,
            SJ("", "認定資格を取得された皆さまへ：次のステップのご案内", "utf-8"),
            sender=A("AWS トレーニングと認定", "aws-training-jp@amazon.com")),
    Leaf("""<html><body><p>AWS 認定資格の取得、おめでとうございます。</p>
<p>次のステップとして、上位資格の学習プランや無料のデジタルトレーニングをご紹介します。
認定者限定の特典もご用意しています。</p>
<p><a href="https://aws.amazon.com/jp/certification/">詳しくはこちら</a></p>
<p>配信停止をご希望の方は<a href="#">こちら</a>から手続きしてください。</p></body></html>
""", sub="html", cte="base64"))

add("unrelated", "pass", "177002299800513", "en",
    "HARD NEGATIVE: another AWS case (Route 53 domain transfer) from no-reply-aws; ack + auto-resolve wording",
    aws_hdr(MX_GO, "h-un-3", D(2026, 12, 4, 19, 0), SARAH,
            "RE:[CASE 177002299800513] Route 53 domain transfer stuck in pending", sender=AWS_NOREPLY,
            ar=mc.ar_aws_google("h-un-3")),
    Leaf("""Hello,

We have received your reply regarding the transfer of example-shop.se to Amazon Route 53. The losing
registrar has now released the domain and the transfer will complete within a few hours.

If we do not hear back from you, this case will be resolved automatically in 3 days.

Best regards,
Amazon Web Services
""", cs="us-ascii", cte="7bit"))

add("unrelated", "pass", C_YUI, "ja",
    "HARD NEGATIVE: manager's Outlook reply quoting the forwarded confirmation request; new text is approval",
    [AR(None, "spf=pass (sender IP is 40.107.1.2) smtp.mailfrom=contoso.jp", "dkim=pass (signature was verified) "
        "header.d=contoso.jp", "dmarc=pass action=none header.from=contoso.jp", "compauth=pass reason=100"),
     ("Date", D(2026, 12, 8, 5, 0)), ("From", A("木村 部長", "kimura@contoso.jp")), ("To", YUI),
     ("Message-ID", outlook_mid("h-un-4", "contoso.jp")),
     ("Subject", "RE: Fw: RE:" + SUBJ % C_YUI)],
    Leaf("""星野さん

会社のアドレスのアカウントを残す形で問題ありません。そのまま進めてください。
受験補助の記録もこちらで更新しておきます。

木村

________________________________
差出人: 星野 結衣 <yui.hoshino@contoso.jp>
送信日時: 2026年12月8日 12:10
宛先: 木村 部長 <kimura@contoso.jp>
件名: Fw: RE:[CASE %s] [AWS Training and Certification Form Submission] - account-assistance

部長、AWS から統合の確認が来ています。会社のアカウントを残してよいでしょうか。

以下の内容で統合を実施してもよろしいでしょうか。統合後に元の状態へ戻すことはできません。
""" % C_YUI, cte="quoted-printable"))

add("acknowledgement", "unverified", C_OMAR, "en", "no Authentication-Results (saved copy); terse",
    [("Date", D(2026, 12, 2, 20, 0)), ("From", AWS_TC), ("To", OMAR), ("Message-ID", ses_mid("h-ack-3")),
     ("Subject", SUBJ % C_OMAR)],
    Leaf("""Hello,

Your request has been submitted successfully and a case has been opened (%s).
Our specialists will review it and get back to you by email.

AWS Training and Certification
""" % C_OMAR, cs="us-ascii", cte="7bit"))


# ==========================================================================================================
# ROUND 2: written after the rules were changed in response to round 1's misses, and measured once, blind.
# ==========================================================================================================
ROUND1 = len(MAILS)
C_REN = "176744455500623"   # Ren Ishikawa, Exchange Online without authserv-id
REN = A("石川 蓮", "ren.ishikawa@fabrikam.co.jp")
MX_FK = "TY3PR01MB9921.jpnprd01.prod.outlook.com"

add("acknowledgement", "pass", C_OMAR, "en", "round 2; 'logged your request as case'; no 'received'",
    aws_hdr(MX_RB, "r2-ack-1", D(2026, 12, 2, 9, 0), OMAR, SUBJ % C_OMAR),
    Leaf("""Hello Omar,

Thanks for getting in touch with AWS Training and Certification Support. We've logged your request as case
%s and placed it in our queue.

Expect a reply from our team within 2 business days. Replying to this message will add to the same case.

AWS Training and Certification Support
""" % C_OMAR, cs="us-ascii", cte="7bit"))

add("acknowledgement", "pass", C_REN, "ja", "round 2; utf-8 base64; お問い合わせ番号; EOP without authserv-id",
    aws_hdr(None, "r2-ack-2", D(2026, 12, 3, 0, 30), REN, SUBJ % C_REN, ar=mc.ar_eop(None)),
    Leaf("""石川 蓮 様

AWS トレーニングと認定へお問い合わせいただき、ありがとうございます。
ご依頼の内容を拝見のうえ、担当者からメールでご連絡いたします。

お問い合わせ番号：%s

恐れ入りますが、回答まで今しばらくお待ちください。
AWS トレーニングと認定 カスタマーサポート
""" % C_REN, cte="base64"))

add("ai_auto_answer", "pass", C_REN, "ja", "round 2; 'AI 技術を用いて自動生成'",
    aws_hdr(None, "r2-ai-1", D(2026, 12, 3, 1, 0), REN, "RE:" + SUBJ % C_REN, ar=mc.ar_eop(None)),
    Leaf("""石川 様

本メールのご案内は、Amazon の AI 技術を用いて自動生成されています。

ご質問：認定アカウントが2つあり、1つにまとめたい
ご案内：
・アカウントの統合はサポート担当者が承ります。
・残したいアカウントと統合元アカウントのメールアドレスをご用意ください。

このご案内で解決しなかった場合は、このメールにご返信ください。
""", cte="quoted-printable"))

add("info_request", "pass", C_SARAH, "en", "round 2; HTML-only Outlook reply with divRplyFwdMsg quote; 'Kindly reply with'",
    aws_hdr(None, "r2-info-1", D(2026, 12, 4, 13, 0), SARAH, "RE:" + SUBJ % C_SARAH,
            ar=mc.ar_aws_google("r2-info-1")),
    Leaf("""<html><body><div>Hi Sarah,</div>
<div>To move forward, we require proof that both profiles belong to you. Kindly reply with a copy of the
score report or certificate for each one.</div>
<div>Thanks,<br>Ines<br>AWS Training and Certification</div>
<div id="divRplyFwdMsg"><hr><b>From:</b> Sarah Lindqvist<br><b>Sent:</b> Thursday<br>
<b>Subject:</b> two profiles</div>
<div>Please merge my two certification profiles, I confirm they are both mine.</div>
</body></html>
""", sub="html", cte="quoted-printable"))

add("info_request", "pass", C_YUI, "ja", "round 2; Shift_JIS; asks for birth date and prefecture",
    aws_hdr(None, "r2-info-2", D(2026, 12, 5, 2, 0), YUI, "RE:" + SUBJ % C_YUI, ar=mc.ar_eop(None)),
    Leaf("""星野 様

AWS トレーニングと認定の佐藤です。

統合を進める前に、本人確認として、旧アカウントにご登録の生年月日と住所（都道府県まで）を
お知らせいただけますか。

佐藤
""", cs="cp932", cte="8bit"), eol="\r\n")

add("confirmation_request", "pass", C_OMAR, "en", "round 2; 'Do you want us to proceed?'; 'deactivated permanently'",
    aws_hdr(MX_RB, "r2-conf-1", D(2026, 12, 7, 9, 0), OMAR, "RE:" + SUBJ % C_OMAR),
    Leaf("""Hi Omar,

We're ready to merge AWS40001122 into AWS40009988. Your Cloud Practitioner and Developer certifications
would both end up on AWS40009988, and AWS40001122 would be deactivated permanently.

Do you want us to proceed? Let us know "yes" or "no".

Ines
AWS Training and Certification
""", cs="us-ascii", cte="7bit"))

add("confirmation_request", "pass", C_KAITO, "ja", "round 2; ISO-2022-JP; 下記のとおり統合を進めてよろしいか",
    aws_hdr(MX_AC, "r2-conf-2", D(2026, 12, 7, 1, 0), KAITO,
            SJ("RE:[CASE %s]" % C_KAITO, "統合内容の最終確認", "iso2022_jp")),
    Leaf("""森 様

高橋です。照合が完了しました。

　統合先：AWS77001234
　統合元：AWS77005678

下記のとおり統合を進めてよろしいか、ご返信にてお知らせください。

高橋
AWS トレーニングと認定
""", cs="iso2022_jp", cte="7bit"))

add("completion_notice", "pass", C_OMAR, "en", "round 2; 'Your request is done'; 'combined with'",
    aws_hdr(MX_RB, "r2-done-1", D(2026, 12, 9, 9, 0), OMAR, "RE:" + SUBJ % C_OMAR),
    Leaf("""Hi Omar,

Your request is done: AWS40001122 has been combined with AWS40009988. From now on, sign in with
omar.haddad@rainbowtech.example to see both certifications.

Ines
AWS Training and Certification
""", cs="us-ascii", cte="7bit"))

add("credly_followup", "pass", C_SARAH, "en", "round 2; support about Credly badges, reissued",
    aws_hdr(None, "r2-cred-1", D(2026, 12, 11, 9, 0), SARAH, "RE:" + SUBJ % C_SARAH,
            ar=mc.ar_aws_google("r2-cred-1")),
    Leaf("""Hi Sarah,

About your Credly badges: they've been reissued under your gmail address, so look out for a few emails
from Credly over the next day.

Tomasz
AWS Training and Certification
""", cs="us-ascii", cte="7bit"))

add("auto_close_warning", "pass", C_SARAH, "en", "round 2; no-reply reminder with a date",
    aws_hdr(None, "r2-close-1", D(2026, 12, 15, 9, 0), SARAH,
            "Reminder: your case %s needs your attention" % C_SARAH, sender=AWS_NOREPLY,
            ar=mc.ar_aws_google("r2-close-1")),
    Leaf("""Hello,

Your AWS Training and Certification case %s needs your attention.

We'll close it automatically on December 20 if there's no reply. To keep it open, answer the last message
from our support team.

Amazon Web Services
""" % C_SARAH, cs="us-ascii", cte="7bit"))

add("survey", "pass", C_KAITO, "en", "round 2; one-click CSAT, HTML-only",
    aws_hdr(MX_AC, "r2-surv-1", D(2026, 12, 14, 9, 0), KAITO,
            "Tell us how we did on case %s" % C_KAITO, sender=AWS_NOREPLY),
    Leaf("""<html><body><p>Hello Kaito,</p>
<p>Your AWS Training and Certification case %s is closed. How was your support experience? One click is all
it takes:</p><p><a href="#">Great</a> | <a href="#">OK</a> | <a href="#">Poor</a></p>
<p>Amazon Web Services</p></body></html>""" % C_KAITO, sub="html", cs="us-ascii", cte="7bit"))

add("info_request", "fail", C_REN, "en",
    "round 2; FORGERY: From @amazon.com; EOP header without authserv-id says spf=fail dkim=none dmarc=fail "
    "compauth=fail; asks for card details",
    [AR(None, "spf=fail (sender IP is 203.0.113.9) smtp.mailfrom=amazon.com", "dkim=none (message not signed) "
        "header.d=none", "dmarc=fail action=quarantine header.from=amazon.com", "compauth=fail reason=000"),
     ("Date", D(2026, 12, 5, 4, 0)), ("From", AWS_TC), ("To", REN),
     ("Message-ID", "<x-77aa@mail-203-0-113-9.example>"), ("Subject", "RE:" + SUBJ % C_REN)],
    Leaf("""Hello,

To finish verifying your identity for the account merge, please reply with the card number and expiry date
of the credit card used to pay for your last exam.

AWS Training and Certification
""", cs="us-ascii", cte="7bit"))

add("unrelated", "pass", "", "ja", "round 2; HARD NEGATIVE: colleague about recertification after the merge",
    [AR(MX_FK, "dkim=pass header.d=fabrikam.co.jp header.s=s1", "spf=pass smtp.mailfrom=fabrikam.co.jp",
        "dmarc=pass header.from=fabrikam.co.jp"),
     ("Date", D(2026, 12, 16, 3, 0)), ("From", A("中川 葵", "aoi.nakagawa@fabrikam.co.jp")), ("To", REN),
     ("Message-ID", plain_mid("r2-un-1", "fabrikam.co.jp")),
     ("Subject", SJ("Re:", "再認定の件", "utf-8"))],
    Leaf("""石川さん

AWS 認定の再認定の件、統合したアカウントで受験予約はできましたか？
まだなら、来週の勉強会のあとに一緒に確認しましょう。

中川
""", cte="quoted-printable"))

add("unrelated", "pass", "", "en", "round 2; HARD NEGATIVE: AWS Skill Builder subscription receipt from amazon.com",
    aws_hdr(MX_GO, "r2-un-2", D(2026, 12, 1, 9, 0), SARAH, "Your AWS Skill Builder subscription receipt",
            sender="AWS Skill Builder <no-reply@skillbuilder.amazon.com>", ar=mc.ar_aws_google("r2-un-2")),
    Leaf("""Hi Sarah,

Thank you for subscribing to AWS Skill Builder Individual (monthly). Your order number is 114-5567-8891.

Amount charged: USD 29.00
Next renewal: January 1, 2027

Start training: https://skillbuilder.aws

AWS Training and Certification
""", cs="us-ascii", cte="7bit"))


# ==========================================================================================================
# ROUND 3: written after the co-occurrence rules and the "needs review" guess were added; measured once, blind.
# ==========================================================================================================
ROUND2 = len(MAILS)

add("acknowledgement", "unverified", C_KAITO, "en", "round 3; no Authentication-Results; 'your message reached us'",
    [("Date", D(2026, 12, 2, 2, 0)), ("From", AWS_TC), ("To", KAITO), ("Message-ID", ses_mid("r3-ack-1")),
     ("Subject", SUBJ % C_KAITO)],
    Leaf("""Hi,

Just a quick note to let you know your message reached us. Case reference: %s.
A specialist will follow up shortly.

AWS Training and Certification
""" % C_KAITO, cs="us-ascii", cte="7bit"))

add("ai_auto_answer", "pass", C_KAITO, "en", "round 3; 'suggested answer from Amazon Q, our generative AI assistant'",
    aws_hdr(MX_AC, "r3-ai-1", D(2026, 12, 2, 3, 0), KAITO, "RE:" + SUBJ % C_KAITO),
    Leaf("""Hi Kaito,

While you wait for an agent, here is a suggested answer from Amazon Q, our generative AI assistant:

Two certification accounts can be combined by our support team. Have both account IDs ready and make sure
no exam is booked on the account that will be merged away.

Helpful? Reply "solved" to close the case, or "agent" to keep it in the queue.
""", cs="us-ascii", cte="7bit"))

add("info_request", "pass", C_KAITO, "ja", "round 3; ISO-2022-JP; 受験者 ID をご返信ください",
    aws_hdr(MX_AC, "r3-info-1", D(2026, 12, 4, 2, 0), KAITO,
            SJ("RE:[CASE %s]" % C_KAITO, "受験者 ID について", "iso2022_jp")),
    Leaf("""森 様

高橋です。お手数をおかけしますが、統合元アカウントの受験者 ID（AWS から始まる番号）を
このメールにご返信ください。番号がわからない場合は、受験時の確認メールに記載されています。

高橋
AWS トレーニングと認定
""", cs="iso2022_jp", cte="7bit"))

add("confirmation_request", "pass", C_SARAH, "en", "round 3; HTML; respond 'Approved'; merges are final",
    aws_hdr(None, "r3-conf-1", D(2026, 12, 7, 9, 0), SARAH, "RE:" + SUBJ % C_SARAH,
            ar=mc.ar_aws_google("r3-conf-1")),
    Leaf("""<html><body><p>Hi Sarah,</p><p>Please review the summary below.</p>
<ul><li>Stays: AWS55120347</li><li>Merged and closed: AWS31009876</li></ul>
<p>If everything is accurate, respond &ldquo;Approved&rdquo; and we will begin the merge. Merges are final.</p>
<p>Tomasz<br>AWS Training and Certification</p></body></html>""", sub="html", cs="us-ascii", cte="7bit"))

add("completion_notice", "pass", C_REN, "ja", "round 3; utf-8; 統合処理を本日実施し、正常に終了",
    aws_hdr(None, "r3-done-1", D(2026, 12, 9, 2, 0), REN, "RE:" + SUBJ % C_REN, ar=mc.ar_eop(None)),
    Leaf("""石川 様

お待たせしました。AWS50001111 と AWS50002222 の統合処理を本日実施し、正常に終了しております。
今後は AWS50001111 をご利用ください。

佐藤
AWS トレーニングと認定
""", cte="quoted-printable"))

add("credly_followup", "pass", "", "en", "round 3; Credly: badge moved to this address, log in to accept",
    [AR(MX_RB, "dkim=pass header.d=credly.com header.s=s1", "spf=pass smtp.mailfrom=em.credly.com",
        "dmarc=pass header.from=credly.com"),
     ("Date", D(2026, 12, 12, 9, 0)), ("From", CREDLY), ("To", OMAR), ("Message-ID", plain_mid("r3-cred-1", "credly.com")),
     ("Subject", "A badge was moved to this email address")],
    Leaf("""Hi Omar,

AWS Training and Certification has moved your AWS Certified Developer - Associate badge to this email
address. Log in to Credly to accept it and keep sharing it.

Credly
""", cs="us-ascii", cte="7bit"))

add("auto_close_warning", "pass", C_YUI, "ja", "round 3; EUC-JP; 期日までにご連絡がない場合は本件を終了",
    aws_hdr(None, "r3-close-1", D(2026, 12, 14, 2, 0), YUI, "RE:" + SUBJ % C_YUI, ar=mc.ar_eop(None)),
    Leaf("""星野 様

ご返答をお待ちしておりますが、12月20日までにご連絡がない場合は、本件を終了させていただきます。
引き続き統合をご希望の場合は、このメールにご返信ください。

佐藤
AWS トレーニングと認定
""", cs="euc_jp", cte="8bit"))

add("survey", "pass", C_REN, "ja", "round 3; 【アンケートのお願い】 from no-reply-aws",
    aws_hdr(None, "r3-surv-1", D(2026, 12, 15, 2, 0), REN,
            SJ("", "【アンケートのお願い】AWS サポートの対応はいかがでしたか", "utf-8"), sender=AWS_NOREPLY,
            ar=mc.ar_eop(None)),
    Leaf("""石川 蓮 様

ケース %s の対応はいかがでしたか。1問だけのアンケートです。
https://feedback.aws.amazon.com/jp?c=%s
""" % (C_REN, C_REN), cte="quoted-printable"))

add("unrelated", "pass", "", "en", "round 3; HARD NEGATIVE: T&C newsletter about AI-generated practice questions",
    aws_hdr(MX_GO, "r3-un-1", D(2026, 12, 1, 15, 0), SARAH, "New in Skill Builder: AI-generated practice questions",
            sender="AWS Training and Certification <aws-tc-newsletter@amazon.com>", ar=mc.ar_aws_google("r3-un-1")),
    Leaf("""Hi Sarah,

We've created new practice sets for the AWS Certified Solutions Architect - Associate exam. The questions
are generated with AI and reviewed by our certification experts.

Try them in Skill Builder: https://skillbuilder.aws

You are receiving this email because you opted in to AWS Training and Certification communications.
Unsubscribe: https://pages.awscloud.com/unsubscribe
""", cs="us-ascii", cte="7bit"))

add("unrelated", "pass", "", "en", "round 3; HARD NEGATIVE: colleague needs slides from a certification study group",
    [AR(MX_RB, "dkim=pass header.d=rainbowtech.example header.s=sel1", "spf=pass smtp.mailfrom=rainbowtech.example",
        "dmarc=pass header.from=rainbowtech.example"),
     ("Date", D(2026, 12, 3, 8, 0)), ("From", "Lena Fischer <lena.fischer@rainbowtech.example>"), ("To", OMAR),
     ("Message-ID", plain_mid("r3-un-2", "rainbowtech.example")), ("Subject", "Certification study group slides")],
    Leaf("""Hi Omar,

I need the slides from last week's certification study group by Friday. Could you please send them?
Also, did your account merge with AWS go through in the end?

Lena
""", cs="us-ascii", cte="7bit"))

add("completion_notice", "fail", C_SARAH, "en",
    "round 3; FORGERY: non-vendor aws-certification-center.com (own DMARC passes) says the merge is done",
    [AR(MX_GO, "dkim=pass header.i=@aws-certification-center.com header.s=k1",
        "spf=pass smtp.mailfrom=aws-certification-center.com",
        "dmarc=pass (p=NONE sp=NONE dis=NONE) header.from=aws-certification-center.com"),
     ("Date", D(2026, 12, 8, 9, 0)), ("From", "AWS Support <support@aws-certification-center.com>"), ("To", SARAH),
     ("Message-ID", plain_mid("r3-forge-1", "aws-certification-center.com")), ("Subject", "RE:" + SUBJ % C_SARAH)],
    Leaf("""Hello Sarah,

We have merged your accounts. To see your certifications, sign in here within 24 hours:
https://aws-certification-center.com/signin

AWS Support
""", cs="us-ascii", cte="7bit"))

add("survey", "fail", C_OMAR, "en",
    "round 3; FORGERY: From no-reply-aws@amazon.com, topmost AR dkim=pass ONLY for amazonses.com and dmarc=fail",
    [AR(MX_RB, "dkim=pass header.d=amazonses.com header.s=224i4yxa5dv7c2xz3womw6peuasteono",
        "spf=pass smtp.mailfrom=bounces.prize-survey.example", "dmarc=fail (p=quarantine) header.from=amazon.com"),
     ("Date", D(2026, 12, 14, 9, 0)), ("From", AWS_NOREPLY), ("To", OMAR), ("Message-ID", ses_mid("r3-forge-2")),
     ("Subject", "How did we do on case %s? Get a $100 voucher" % C_OMAR)],
    Leaf("""Hello,

Rate your experience with AWS Training and Certification support on case %s and receive a $100 exam
voucher: https://prize-survey.example/aws

Amazon Web Services
""" % C_OMAR, cs="us-ascii", cte="7bit"))


def write() -> None:
    order = list(range(ROUND1))
    random.Random(20261201).shuffle(order)
    second = list(range(ROUND1, ROUND2))
    random.Random(20261215).shuffle(second)
    third = list(range(ROUND2, len(MAILS)))
    random.Random(20261220).shuffle(third)
    order += second + third
    for name in os.listdir(HERE):
        if name.startswith("h") and name.endswith(".eml"):
            os.remove(os.path.join(HERE, name))
    rows = []
    for n, i in enumerate(order, 1):
        m = MAILS[i]
        raw = mc._message(m["hdr"], m["body"], m["eol"])
        if m["eol"] == "\r\n":
            raw = raw.replace(b"\n", b"\r\n")
        name = "h%03d.eml" % n
        with open(os.path.join(HERE, name), "wb") as fh:
            fh.write(raw)
        rows.append([name, m["kind"], m["auth"], m["case"], m["lang"],
                     "; ".join([m["notes"], m["body"].describe(), "CRLF" if m["eol"] == "\r\n" else "LF"])])
    with open(os.path.join(HERE, "labels.csv"), "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["file", "kind", "authenticity", "case_id", "language", "notes"])
        w.writerows(rows)
    print("wrote %d mails and labels.csv to %s" % (len(rows), HERE))


if __name__ == "__main__":
    write()
