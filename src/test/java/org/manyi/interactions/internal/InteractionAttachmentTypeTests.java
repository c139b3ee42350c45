package org.manyi.interactions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InteractionAttachmentTypeTests {

  @Test
  void recognisesTypesByTheirFirstBytes() {
    assertThat(AttachmentType.detect("%PDF-1.4 ...".getBytes(StandardCharsets.US_ASCII)))
        .contains(AttachmentType.PDF);
    assertThat(AttachmentType.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}))
        .contains(AttachmentType.JPEG);
    assertThat(
            AttachmentType.detect(
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0}))
        .contains(AttachmentType.PNG);
    assertThat(AttachmentType.detect("#!AMR\n...".getBytes(StandardCharsets.US_ASCII)))
        .contains(AttachmentType.AMR);
    assertThat(AttachmentType.detect("客户聊天记录\n第二行".getBytes(StandardCharsets.UTF_8)))
        .contains(AttachmentType.TEXT);
  }

  @Test
  void refusesExecutablesAndArchivesThatAreNotOfficeDocuments() {
    assertThat(AttachmentType.detect(new byte[] {'M', 'Z', (byte) 0x90, 0})).isEmpty();
    assertThat(AttachmentType.detect(new byte[] {0x7F, 'E', 'L', 'F', 2, 1})).isEmpty();
    byte[] jar = "PK\u0003\u0004....META-INF/MANIFEST.MF".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(AttachmentType.detect(jar)).isEmpty();
    byte[] docx = "PK\u0003\u0004....[Content_Types].xml".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(AttachmentType.detect(docx)).contains(AttachmentType.OFFICE);
    assertThat(AttachmentType.OFFICE.contentType("报价.docx"))
        .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(AttachmentType.detect(new byte[0])).isEmpty();
  }
}
