/**
 * The shared kernel (共享内核): validated value types every module uses — province and division
 * codes, phone numbers, unified social credit codes, ID numbers and money.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "共享内核 shared",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.telereg.platform.shared;
