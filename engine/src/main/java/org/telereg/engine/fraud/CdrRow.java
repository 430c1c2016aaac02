package org.telereg.engine.fraud;

/**
 * One line of a calls, SMS or users file as {@link CdrRowParser} reads it: a record, or a bad row with the
 * problem that made it one. The records carry the fields the features need, as the batch scan reads them.
 */
public sealed interface CdrRow permits CallRecord, SmsRecord, UserRecord, BadRecord {}
