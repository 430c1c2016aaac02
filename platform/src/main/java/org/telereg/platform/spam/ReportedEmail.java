package org.telereg.platform.spam;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Properties;
import org.telereg.platform.shared.RejectedInputException;

/**
 * A spam e-mail as the reporter forwarded it (an .eml file), parsed with Jakarta Mail: who sent it,
 * its subject and its text.
 */
record ReportedEmail(String sender, String subject, String text) {

    private static final Session SESSION = Session.getInstance(new Properties());

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
            return new ReportedEmail(sender, message.getSubject(), text.strip());
        } catch (MessagingException | IOException e) {
            throw RejectedInputException.of("file", "spam.invalid.emlNotMail", "not an e-mail: " + e.getMessage());
        }
    }

    /** The first text part: plain text preferred, HTML reduced to its text. */
    private static String textOf(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("text/html")) {
            return String.valueOf(part.getContent())
                    .replaceAll("(?s)<[^>]*>", " ")
                    .replaceAll("\\s+", " ");
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
}
