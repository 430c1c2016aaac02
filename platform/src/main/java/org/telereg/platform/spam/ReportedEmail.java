package org.telereg.platform.spam;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import org.telereg.platform.shared.RejectedInputException;

/**
 * A spam e-mail as the reporter forwarded it (an .eml file), parsed with Jakarta Mail: who sent it,
 * its subject and its text.
 */
record ReportedEmail(String sender, String subject, String text) {

    private static final Session SESSION = Session.getInstance(new Properties());
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Pattern GB_ENCODED_WORD = Pattern.compile("=\\?(?i:gb2312|gbk|x-gbk)\\?");

    static ReportedEmail parse(byte[] eml, int maxBytes) {
        if (eml.length == 0) {
            throw RejectedInputException.of("file", "spam.invalid.emlEmpty", "the file is empty");
        }
        if (eml.length > maxBytes) {
            throw RejectedInputException.of(
                    "file", "spam.invalid.emlTooLarge", "the file is larger than " + maxBytes + " bytes", maxBytes);
        }
        try {
            MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(eml));
            var from = message.getFrom();
            if (from == null || from.length == 0 || message.getHeader("Date") == null && message.getSubject() == null) {
                throw RejectedInputException.of("file", "spam.invalid.emlNotMail", "not an e-mail: no sender");
            }
            String sender = from[0] instanceof InternetAddress address ? address.getAddress() : from[0].toString();
            String text = textOf(message);
            if (text == null || text.isBlank()) {
                throw RejectedInputException.of("file", "spam.invalid.emlNoBody", "the e-mail has no text");
            }
            return new ReportedEmail(sender, subjectOf(message), text.strip());
        } catch (MessagingException | IOException e) {
            throw RejectedInputException.of("file", "spam.invalid.emlNotMail", "not an e-mail: " + e.getMessage());
        }
    }

    /**
     * The subject, read as the body is: encoded words declared in the GB family decoded as GB18030, and
     * eight-bit bytes (which the parser hands over one character each) as UTF-8 when valid, else GB18030.
     */
    private static String subjectOf(MimeMessage message) throws MessagingException {
        String raw = message.getHeader("Subject", null);
        if (raw == null) {
            return null;
        }
        raw = MimeUtility.unfold(raw);
        if (raw.chars().anyMatch(c -> c >= 0x80) && raw.chars().allMatch(c -> c <= 0xFF)) {
            raw = decoded(raw.getBytes(StandardCharsets.ISO_8859_1), null);
        }
        try {
            return MimeUtility.decodeText(GB_ENCODED_WORD.matcher(raw).replaceAll("=?GB18030?"));
        } catch (UnsupportedEncodingException e) {
            return raw;
        }
    }

    /** The first text part: plain text preferred, HTML reduced to its text. */
    private static String textOf(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return decoded(part);
        }
        if (part.isMimeType("text/html")) {
            return decoded(part).replaceAll("(?s)<[^>]*>", " ").replaceAll("\\s+", " ");
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            String html = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String text = textOf(body);
                if (text != null && body.isMimeType("text/plain")) {
                    return text;
                }
                if (html == null) {
                    html = text;
                }
            }
            return html;
        }
        return null;
    }

    /**
     * A text part's characters. Chinese mail often declares {@code gb2312} and sends GBK, its superset (Java's
     * GB2312 turns GBK-only characters into replacement marks), so the GB family is read as GB18030, which
     * contains both. A part with no usable charset is read as UTF-8 when its bytes are valid UTF-8, else as
     * GB18030: RFC 2045 says US-ASCII, but eight-bit Chinese text with no charset is what such mail holds.
     */
    private static String decoded(Part part) throws MessagingException, IOException {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readAllBytes();
        }
        return decoded(bytes, declaredCharset(part));
    }

    /** Bytes in the declared charset, or with none, UTF-8 when they are valid UTF-8 and else GB18030. */
    private static String decoded(byte[] bytes, Charset declared) {
        if (declared != null) {
            return new String(bytes, declared);
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, GB18030);
        }
    }

    private static Charset declaredCharset(Part part) throws MessagingException {
        String name;
        try {
            name = new ContentType(part.getContentType()).getParameter("charset");
        } catch (ParseException e) {
            return null;
        }
        if (name == null || name.isBlank() || name.equalsIgnoreCase("us-ascii")) {
            return null;
        }
        String lower = name.strip().toLowerCase(Locale.ROOT);
        if (lower.equals("gb2312") || lower.equals("gbk") || lower.equals("gb18030") || lower.equals("x-gbk")) {
            return GB18030;
        }
        try {
            return Charset.forName(MimeUtility.javaCharset(name.strip()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
