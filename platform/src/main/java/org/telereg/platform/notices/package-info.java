/**
 * In-console notices (站内通知): an inbox per organisation that any module fills through {@link
 * org.telereg.platform.notices.Notices#send}, a bell with the unread count in the console header, a
 * notices page and a JSON API for operators' systems. Each notice is also handed to every {@link
 * org.telereg.platform.notices.NoticeSender} (e-mail, SMS gateways; the built-in one logs).
 */
@org.springframework.modulith.ApplicationModule(displayName = "站内通知 notices")
package org.telereg.platform.notices;
