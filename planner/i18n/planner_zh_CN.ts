<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Arrange</source>
        <translation>排列(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>Start a new layout on a blank site</source>
        <translation>在空白场地上新建布局</translation>
    </message>
    <message>
        <source>New from &amp;West Lake Template</source>
        <translation>从西湖模板新建(&amp;W)</translation>
    </message>
    <message>
        <source>Start a new layout from the West Lake festival</source>
        <translation>以西湖市集为模板新建布局</translation>
    </message>
    <message>
        <source>New &amp;Window</source>
        <translation>新建窗口(&amp;W)</translation>
    </message>
    <message>
        <source>Open another window with a new layout</source>
        <translation>在另一个窗口中新建布局</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a layout file</source>
        <translation>打开布局文件</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the layout</source>
        <translation>保存布局</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the layout under another name</source>
        <translation>以其他名称保存布局</translation>
    </message>
    <message>
        <source>&amp;Import Site Plan Image…</source>
        <translation>导入场地底图(&amp;I)…</translation>
    </message>
    <message>
        <source>Put a PNG or JPEG of the site under the plan and calibrate it</source>
        <translation>将场地的 PNG 或 JPEG 图片作为底图放在平面图下方并进行校准</translation>
    </message>
    <message>
        <source>Import E&amp;xhibitors…</source>
        <translation>导入参展商(&amp;X)…</translation>
    </message>
    <message>
        <source>Assign exhibitors to booths by booth number from a spreadsheet saved as CSV</source>
        <translation>从另存为 CSV 的电子表格中按展位编号为展位分配参展商</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Export the booth map as PDF, PNG or SVG, the booth list as CSV, or GeoJSON</source>
        <translation>将展位图导出为 PDF、PNG 或 SVG，将展位清单导出为 CSV，或导出为 GeoJSON</translation>
    </message>
    <message>
        <source>&amp;Close Window</source>
        <translation>关闭窗口(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation>撤销上一步修改</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Redo the change just undone</source>
        <translation>重做刚刚撤销的修改</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Duplicate</source>
        <translation>再制(&amp;D)</translation>
    </message>
    <message>
        <source>Copy the selection just east of itself</source>
        <translation>在所选对象东侧紧邻处复制一份</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>删除(&amp;L)</translation>
    </message>
    <message>
        <source>Delete the selection</source>
        <translation>删除所选对象</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>Select &amp;None</source>
        <translation>取消选择(&amp;N)</translation>
    </message>
    <message>
        <source>Rotate 90° Clock&amp;wise</source>
        <translation>顺时针旋转 90°(&amp;W)</translation>
    </message>
    <message>
        <source>Turn the selection, or the booth about to be placed, 90° clockwise</source>
        <translation>将所选对象或即将放置的展位顺时针旋转 90°</translation>
    </message>
    <message>
        <source>Rotate 90° &amp;Counter-clockwise</source>
        <translation>逆时针旋转 90°(&amp;C)</translation>
    </message>
    <message>
        <source>Rotate 15° Clockwise</source>
        <translation>顺时针旋转 15°</translation>
    </message>
    <message>
        <source>Rotate 15° Counter-clockwise</source>
        <translation>逆时针旋转 15°</translation>
    </message>
    <message>
        <source>Loc&amp;k</source>
        <translation>锁定(&amp;K)</translation>
    </message>
    <message>
        <source>Keep the selection from being moved, turned or deleted</source>
        <translation>锁定所选对象，防止被移动、旋转或删除</translation>
    </message>
    <message>
        <source>U&amp;nlock</source>
        <translation>解锁(&amp;N)</translation>
    </message>
    <message>
        <source>Renu&amp;mber Booths…</source>
        <translation>展位重新编号(&amp;M)…</translation>
    </message>
    <message>
        <source>Number the selected booths or a zone&apos;s booths by the zone&apos;s scheme</source>
        <translation>按展区的编号规则为所选展位或某个展区的展位编号</translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation>首选项(&amp;F)…</translation>
    </message>
    <message>
        <source>Choose the language of the planner</source>
        <translation>选择界面语言</translation>
    </message>
    <message>
        <source>Align &amp;West Edges</source>
        <translation>西边缘对齐(&amp;W)</translation>
    </message>
    <message>
        <source>Line the selection up on its westernmost edge</source>
        <translation>将所选对象与最西侧的边缘对齐</translation>
    </message>
    <message>
        <source>Align &amp;Centres (East–West)</source>
        <translation>中心对齐（东西方向）(&amp;C)</translation>
    </message>
    <message>
        <source>Align &amp;East Edges</source>
        <translation>东边缘对齐(&amp;E)</translation>
    </message>
    <message>
        <source>Align &amp;North Edges</source>
        <translation>北边缘对齐(&amp;N)</translation>
    </message>
    <message>
        <source>Align &amp;Middles (North–South)</source>
        <translation>中线对齐（南北方向）(&amp;M)</translation>
    </message>
    <message>
        <source>Align &amp;South Edges</source>
        <translation>南边缘对齐(&amp;S)</translation>
    </message>
    <message>
        <source>Distribute East–&amp;West</source>
        <translation>东西向等距分布(&amp;W)</translation>
    </message>
    <message>
        <source>Equal gaps between the selected objects from west to east</source>
        <translation>使所选对象自西向东间距相等</translation>
    </message>
    <message>
        <source>Distribute North–S&amp;outh</source>
        <translation>南北向等距分布(&amp;O)</translation>
    </message>
    <message>
        <source>Bring to &amp;Front</source>
        <translation>置于顶层(&amp;F)</translation>
    </message>
    <message>
        <source>Draw the selected zones or obstacles over all others of their kind</source>
        <translation>将所选展区或障碍物绘制在所有同类对象之上</translation>
    </message>
    <message>
        <source>Bring &amp;Forward</source>
        <translation>上移一层(&amp;F)</translation>
    </message>
    <message>
        <source>Draw the selected zones or obstacles over the next one they overlap</source>
        <translation>将所选展区或障碍物绘制在与其重叠的上一个同类对象之上</translation>
    </message>
    <message>
        <source>Send &amp;Backward</source>
        <translation>下移一层(&amp;B)</translation>
    </message>
    <message>
        <source>Draw the selected zones or obstacles under the next one they overlap</source>
        <translation>将所选展区或障碍物绘制在与其重叠的下一个同类对象之下</translation>
    </message>
    <message>
        <source>Send to Bac&amp;k</source>
        <translation>置于底层(&amp;K)</translation>
    </message>
    <message>
        <source>Draw the selected zones or obstacles under all others of their kind</source>
        <translation>将所选展区或障碍物绘制在所有同类对象之下</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>适合窗口(&amp;F)</translation>
    </message>
    <message>
        <source>Show the whole layout</source>
        <translation>显示整个布局</translation>
    </message>
    <message>
        <source>Zoom to 1:&amp;500</source>
        <translation>缩放至 1:500(&amp;5)</translation>
    </message>
    <message>
        <source>Show the plan at 1:500 on this screen, as it prints on paper</source>
        <translation>按 1:500 在本屏幕上显示平面图，与打印到纸上的比例相同</translation>
    </message>
    <message>
        <source>Show &amp;Grid</source>
        <translation>显示网格(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Snap to Grid and Objects</source>
        <translation>吸附到网格和对象(&amp;S)</translation>
    </message>
    <message>
        <source>Snap to corners, edges, 15° angles and the grid (hold Ctrl to move freely)</source>
        <translation>吸附到角点、边、15° 角和网格（按住 Ctrl 可自由移动）</translation>
    </message>
    <message>
        <source>Colour Booths by S&amp;tatus</source>
        <translation>按状态为展位着色(&amp;T)</translation>
    </message>
    <message>
        <source>Colour booths by status: available, reserved, sold, blocked</source>
        <translation>按状态为展位着色：可租、已预订、已售、不可用</translation>
    </message>
    <message>
        <source>Colour Booths by &amp;Zone</source>
        <translation>按展区为展位着色(&amp;Z)</translation>
    </message>
    <message>
        <source>Colour booths by the zone they stand in</source>
        <translation>按展位所在的展区为展位着色</translation>
    </message>
    <message>
        <source>Show Booth &amp;Legend</source>
        <translation>显示展位图例(&amp;L)</translation>
    </message>
    <message>
        <source>Show the key to the booth colours in the corner of the plan</source>
        <translation>在平面图一角显示展位颜色的图例</translation>
    </message>
    <message>
        <source>&amp;Analyse While Editing</source>
        <translation>编辑时实时分析(&amp;A)</translation>
    </message>
    <message>
        <source>Check the crowd flow again after every change, in the background</source>
        <translation>每次修改后在后台重新检查人流</translation>
    </message>
    <message>
        <source>&amp;Re-run Analysis</source>
        <translation>重新分析(&amp;R)</translation>
    </message>
    <message>
        <source>Analyse the crowd flow of the layout now</source>
        <translation>立即分析布局的人流</translation>
    </message>
    <message>
        <source>&amp;Select</source>
        <translation>选择(&amp;S)</translation>
    </message>
    <message>
        <source>Select, move and nudge objects</source>
        <translation>选择、移动和微调对象</translation>
    </message>
    <message>
        <source>&amp;Edit Points</source>
        <translation>编辑顶点(&amp;E)</translation>
    </message>
    <message>
        <source>Move, add and delete the points of an area or a gate</source>
        <translation>移动、添加和删除区域或出入口的顶点</translation>
    </message>
    <message>
        <source>Draw Site &amp;Boundary</source>
        <translation>绘制场地边界(&amp;B)</translation>
    </message>
    <message>
        <source>Draw the site boundary</source>
        <translation>绘制场地边界</translation>
    </message>
    <message>
        <source>Draw &amp;Obstacle</source>
        <translation>绘制障碍物(&amp;O)</translation>
    </message>
    <message>
        <source>Draw water, a building, a stage, trees or a no-go area</source>
        <translation>绘制水域、建筑、舞台、树木或禁入区域</translation>
    </message>
    <message>
        <source>Draw &amp;Zone</source>
        <translation>绘制展区(&amp;Z)</translation>
    </message>
    <message>
        <source>Draw a themed zone</source>
        <translation>绘制主题展区</translation>
    </message>
    <message>
        <source>Place &amp;Gate</source>
        <translation>放置出入口(&amp;G)</translation>
    </message>
    <message>
        <source>Place a gate on the site boundary</source>
        <translation>在场地边界上放置出入口</translation>
    </message>
    <message>
        <source>Place &amp;Amenity</source>
        <translation>放置设施(&amp;A)</translation>
    </message>
    <message>
        <source>Place toilets, first aid, water, information and other amenities</source>
        <translation>放置卫生间、急救站、饮用水、咨询处等设施</translation>
    </message>
    <message>
        <source>Place Boot&amp;h</source>
        <translation>放置展位(&amp;H)</translation>
    </message>
    <message>
        <source>Place booths in standard sizes</source>
        <translation>按标准尺寸放置展位</translation>
    </message>
    <message>
        <source>Booth Bloc&amp;k</source>
        <translation>展位阵列(&amp;K)</translation>
    </message>
    <message>
        <source>Fill a rectangle, a zone or a line with rows of booths</source>
        <translation>在矩形、展区内或沿线成排放置展位</translation>
    </message>
    <message>
        <source>Walking &amp;Route</source>
        <translation>步行路线(&amp;R)</translation>
    </message>
    <message>
        <source>Click two points, gates, booths or zones to see the walking path and time</source>
        <translation>单击两个点、出入口、展位或展区，查看步行路线和用时</translation>
    </message>
    <message>
        <source>&amp;Calibrate Site Plan Image</source>
        <translation>校准场地底图(&amp;C)</translation>
    </message>
    <message>
        <source>Scale the image from two points a known distance apart</source>
        <translation>根据两个已知距离的点确定图片比例</translation>
    </message>
    <message>
        <source>Move Site Plan &amp;Image</source>
        <translation>移动场地底图(&amp;I)</translation>
    </message>
    <message>
        <source>Drag the site plan image into place; [ and ] turn it</source>
        <translation>将场地底图拖动到位；按 [ 和 ] 旋转</translation>
    </message>
    <message>
        <source>&amp;About Festival Floor Planner</source>
        <translation>关于节庆市集平面规划(&amp;A)</translation>
    </message>
    <message>
        <source>{tip} ({shortcut})</source>
        <translation>{tip}（{shortcut}）</translation>
    </message>
</context>
<context>
    <name>AnalysisOverlays</name>
    <message>
        <source>{value} m</source>
        <translation>{value} 米</translation>
    </message>
    <message>
        <source>no way out</source>
        <translation>无法撤离</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} 分 {seconds} 秒</translation>
    </message>
    <message>
        <source>{width} &lt; {limit}</source>
        <translation>{width} &lt; {limit}</translation>
    </message>
    <message>
        <source>{width} · {flow}/min</source>
        <translation>{width} · {flow} 人/分钟</translation>
    </message>
    <message>
        <source>Bottleneck {width} · {flow} persons/min</source>
        <translation>瓶颈 {width} · {flow} 人/分钟</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>无人</translation>
    </message>
    <message>
        <source>no room</source>
        <translation>无可通行面积</translation>
    </message>
    <message>
        <source>{value}/m²</source>
        <translation>{value} 人/平方米</translation>
    </message>
    <message>
        <source>LOS {grade}</source>
        <translation>服务水平 {grade}</translation>
    </message>
    <message>
        <source>LOS {grade} · {density}</source>
        <translation>服务水平 {grade} · {density}</translation>
    </message>
    <message>
        <source>{start} → {end}: {length}, {time}</source>
        <translation>{start} → {end}：{length}，{time}</translation>
    </message>
    <message>
        <source>overlap</source>
        <translation>重叠</translation>
    </message>
    <message>
        <source>Walking time to the nearest exit</source>
        <translation>到最近出口的步行时间</translation>
    </message>
    <message>
        <source>{count} visitors</source>
        <translation>{count} 名游客</translation>
    </message>
    <message>
        <source>closed · {width}</source>
        <translation>关闭 · {width}</translation>
    </message>
</context>
<context>
    <name>AnalysisStatus</name>
    <message>
        <source>{s} s</source>
        <translation>{s} 秒</translation>
    </message>
    <message>
        <source>{m} min</source>
        <translation>{m} 分钟</translation>
    </message>
    <message>
        <source>{m} min {s} s</source>
        <translation>{m} 分 {s} 秒</translation>
    </message>
    <message>
        <source>{gate} closed</source>
        <translation>关闭 {gate}</translation>
    </message>
    <message>
        <source>visitors {percent} %</source>
        <translation>游客 {percent}%</translation>
    </message>
    <message>
        <source>{zone} {percent} %</source>
        <translation>{zone} 游客 {percent}%</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Crowd-flow analysis of the layout; click to show the findings</source>
        <translation>布局的人流分析；单击显示检查结果</translation>
    </message>
    <message>
        <source>Analysing…</source>
        <translation>正在分析…</translation>
    </message>
    <message>
        <source>No overlays</source>
        <translation>无分析图层</translation>
    </message>
    <message>
        <source>Analysis failed</source>
        <translation>分析失败</translation>
    </message>
    <message>
        <source>Live analysis off (F5 analyses)</source>
        <translation>实时分析已关闭（按 F5 分析）</translation>
    </message>
    <message>
        <source>Scenario: {what}</source>
        <translation>情景：{what}</translation>
    </message>
    <message>
        <source>Egress: no exit</source>
        <translation>疏散：没有出口</translation>
    </message>
    <message>
        <source>Egress {time} / {limit}</source>
        <translation>疏散 {time} / {limit}</translation>
    </message>
    <message>
        <source>Flow {flow} /min</source>
        <translation>流量 {flow} 人/分钟</translation>
    </message>
    <message>
        <source>{n} error</source>
        <translation>{n} 个错误</translation>
    </message>
    <message>
        <source>{n} errors</source>
        <translation>{n} 个错误</translation>
    </message>
    <message>
        <source>{n} warning</source>
        <translation>{n} 个警告</translation>
    </message>
    <message>
        <source>{n} warnings</source>
        <translation>{n} 个警告</translation>
    </message>
    <message>
        <source>No problems found</source>
        <translation>未发现问题</translation>
    </message>
    <message>
        <source>Density {density} p/m² (LOS {los})</source>
        <translation>密度 {density} 人/平方米（服务水平 {los}）</translation>
    </message>
    <message>
        <source>Most crowded zone: {zone}</source>
        <translation>最拥挤的展区：{zone}</translation>
    </message>
</context>
<context>
    <name>BackgroundPanel</name>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Put a PNG or JPEG of the site under the plan</source>
        <translation>将场地的 PNG 或 JPEG 图片作为底图放在平面图下方</translation>
    </message>
    <message>
        <source> m/px</source>
        <translation> 米/像素</translation>
    </message>
    <message>
        <source>Metres on the ground per pixel of the image</source>
        <translation>图片每个像素对应的实地米数</translation>
    </message>
    <message>
        <source> m</source>
        <translation> 米</translation>
    </message>
    <message>
        <source>Where the image&apos;s bottom-left corner lies on the plan</source>
        <translation>图片左下角在平面图上的位置</translation>
    </message>
    <message>
        <source>Counter-clockwise; the image turns about its centre</source>
        <translation>逆时针；图片绕其中心旋转</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Keep the image from being calibrated, moved or turned</source>
        <translation>锁定图片，防止被校准、移动或旋转</translation>
    </message>
    <message>
        <source>Scale:</source>
        <translation>比例：</translation>
    </message>
    <message>
        <source>Corner x:</source>
        <translation>角点 x：</translation>
    </message>
    <message>
        <source>Corner y:</source>
        <translation>角点 y：</translation>
    </message>
    <message>
        <source>Rotation:</source>
        <translation>旋转角度：</translation>
    </message>
    <message>
        <source>Opacity:</source>
        <translation>不透明度：</translation>
    </message>
    <message>
        <source>Calibrate…</source>
        <translation>校准…</translation>
    </message>
    <message>
        <source>Click two points on the image and type their real distance</source>
        <translation>在图片上单击两个点，并输入它们之间的实际距离</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>移动</translation>
    </message>
    <message>
        <source>Drag the image into place; [ and ] turn it</source>
        <translation>将图片拖动到位；按 [ 和 ] 旋转</translation>
    </message>
    <message>
        <source>Remove image</source>
        <translation>移除图片</translation>
    </message>
    <message>
        <source>Replace…</source>
        <translation>替换…</translation>
    </message>
    <message>
        <source>No site plan image. Import a PNG or JPEG of the site, then calibrate it with two points a known distance apart.</source>
        <translation>没有场地底图。请导入场地的 PNG 或 JPEG 图片，再用两个已知距离的点进行校准。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt; – not found at {path}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; – 在 {path} 找不到</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt; ({width} × {height} px)</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;（{width} × {height} 像素）</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt;</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{percent} %</source>
        <translation>{percent}%</translation>
    </message>
    <message>
        <source>Turn site plan image</source>
        <translation>旋转场地底图</translation>
    </message>
    <message>
        <source>Scale site plan image</source>
        <translation>设置场地底图比例</translation>
    </message>
    <message>
        <source>Move site plan image</source>
        <translation>移动场地底图</translation>
    </message>
    <message>
        <source>Change site plan image opacity</source>
        <translation>修改场地底图不透明度</translation>
    </message>
    <message>
        <source>Lock site plan image</source>
        <translation>锁定场地底图</translation>
    </message>
    <message>
        <source>Unlock site plan image</source>
        <translation>解锁场地底图</translation>
    </message>
</context>
<context>
    <name>BoothCounts</name>
    <message>
        <source>{status} {n:,}</source>
        <translation>{status} {n:,}</translation>
    </message>
    <message>
        <source>{n:,}</source>
        <translation>{n:,}</translation>
    </message>
    <message>
        <source>Booths by status: {n:,} in all</source>
        <translation>各状态展位数：共 {n:,} 个</translation>
    </message>
</context>
<context>
    <name>BoothTable</name>
    <message>
        <source>Zone</source>
        <translation>展区</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>{width:g} × {depth:g} m</source>
        <translation>{width:g} × {depth:g} 米</translation>
    </message>
    <message>
        <source>The booth is locked: unlock it to change its size.</source>
        <translation>展位已锁定：请先解锁再修改尺寸。</translation>
    </message>
    <message>
        <source>“{text}” is not a booth size; type width × depth in metres, such as 6 × 3.</source>
        <translation>“{text}”不是有效的展位尺寸；请以米为单位输入“宽 × 深”，例如 6 × 3。</translation>
    </message>
    <message>
        <source>Booth number {number} is used twice now; the analysis will report it.</source>
        <translation>展位编号 {number} 现已重复；分析将报告此问题。</translation>
    </message>
</context>
<context>
    <name>BoothTablePanel</name>
    <message>
        <source>Search number, exhibitor, category, zone…</source>
        <translation>搜索编号、参展商、类别、展区…</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All zones</source>
        <translation>全部展区</translation>
    </message>
    <message>
        <source>Outside every zone</source>
        <translation>不属于任何展区</translation>
    </message>
    <message>
        <source>{shown} of {total} booths</source>
        <translation>显示 {shown} 个，共 {total} 个展位</translation>
    </message>
    <message>
        <source>{total} booths</source>
        <translation>共 {total} 个展位</translation>
    </message>
</context>
<context>
    <name>Editing</name>
    <message>
        <source>Locked objects were left as they are.</source>
        <translation>已锁定的对象保持不变。</translation>
    </message>
    <message>
        <source>Duplicate {what}</source>
        <translation>再制{what}</translation>
    </message>
    <message>
        <source>Cut {what}</source>
        <translation>剪切{what}</translation>
    </message>
    <message>
        <source>Paste {what}</source>
        <translation>粘贴{what}</translation>
    </message>
    <message>
        <source>Lock {what}</source>
        <translation>锁定{what}</translation>
    </message>
    <message>
        <source>Unlock {what}</source>
        <translation>解锁{what}</translation>
    </message>
    <message>
        <source>Align {what}</source>
        <translation>对齐{what}</translation>
    </message>
    <message>
        <source>Distribute {what}</source>
        <translation>等距分布{what}</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Errors: {errors}, warnings: {warnings}; see the findings.</source>
        <translation>错误 {errors} 个，警告 {warnings} 个；详见检查结果。</translation>
    </message>
    <message>
        <source>No errors and no warnings.</source>
        <translation>没有错误，也没有警告。</translation>
    </message>
    <message>
        <source>{value} persons/min</source>
        <translation>{value} 人/分钟</translation>
    </message>
    <message>
        <source>{value} persons/m²</source>
        <translation>{value} 人/平方米</translation>
    </message>
    <message>
        <source>Booths</source>
        <translation>展位</translation>
    </message>
    <message>
        <source>Zones</source>
        <translation>展区</translation>
    </message>
    <message>
        <source>Gates</source>
        <translation>出入口</translation>
    </message>
    <message>
        <source>Walkable area</source>
        <translation>可通行面积</translation>
    </message>
    <message>
        <source>{value} m²</source>
        <translation>{value} 平方米</translation>
    </message>
    <message>
        <source>Visitors at peak</source>
        <translation>高峰游客人数</translation>
    </message>
    <message>
        <source>Egress time (limit {limit})</source>
        <translation>疏散时间（上限 {limit}）</translation>
    </message>
    <message>
        <source>Longest walk to an exit</source>
        <translation>到出口的最长步行时间</translation>
    </message>
    <message>
        <source>Flow time through the bottleneck</source>
        <translation>全部人员通过瓶颈的时间</translation>
    </message>
    <message>
        <source>Maximum egress flow</source>
        <translation>最大疏散流量</translation>
    </message>
    <message>
        <source>Worst zone density</source>
        <translation>最高展区密度</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>The egress time is a free-flow estimate: queues inside the aisles and before the gates add time, and aisle-overloaded names the aisles that cannot keep up.</source>
        <translation>疏散时间是自由流估算：通道内和出入口前的排队会增加时间，aisle-overloaded 列出了通行能力不足的通道。</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>The analysis found nothing to report.</source>
        <translation>分析未发现任何问题。</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Egress per exit</source>
        <translation>各出口疏散情况</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>出口</translation>
    </message>
    <message>
        <source>Clear width</source>
        <translation>净宽</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>游客</translation>
    </message>
    <message>
        <source>Persons/min</source>
        <translation>人/分钟</translation>
    </message>
    <message>
        <source>All out in</source>
        <translation>全部撤离用时</translation>
    </message>
    <message>
        <source>No exit: nobody can leave the site.</source>
        <translation>没有出口：任何人都无法离开场地。</translation>
    </message>
    <message>
        <source>({x1}, {y1}) to ({x2}, {y2})</source>
        <translation>({x1}, {y1}) 至 ({x2}, {y2})</translation>
    </message>
    <message>
        <source>Bottleneck</source>
        <translation>瓶颈</translation>
    </message>
    <message>
        <source>With {gate} closed (the widest exit), everybody is out in {time}.</source>
        <translation>关闭最宽的出口“{gate}”时，全部人员撤离需 {time}。</translation>
    </message>
    <message>
        <source>Density per zone at peak</source>
        <translation>高峰时各展区密度</translation>
    </message>
    <message>
        <source>The layout has no zones.</source>
        <translation>布局中没有展区。</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>展区</translation>
    </message>
    <message>
        <source>Walkable m²</source>
        <translation>可通行面积（平方米）</translation>
    </message>
    <message>
        <source>Persons/m²</source>
        <translation>人/平方米</translation>
    </message>
    <message>
        <source>Level of service</source>
        <translation>服务水平</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Minimum aisle width</source>
        <translation>最小通道宽度</translation>
    </message>
    <message>
        <source>Body radius</source>
        <translation>人体半径</translation>
    </message>
    <message>
        <source>Walking speed</source>
        <translation>步行速度</translation>
    </message>
    <message>
        <source>{value} m/s</source>
        <translation>{value} 米/秒</translation>
    </message>
    <message>
        <source>Specific flow</source>
        <translation>单位宽度流量</translation>
    </message>
    <message>
        <source>{value} persons per metre per minute</source>
        <translation>每米宽度每分钟 {value} 人</translation>
    </message>
    <message>
        <source>Maximum egress time</source>
        <translation>最长疏散时间</translation>
    </message>
    <message>
        <source>Maximum density</source>
        <translation>最大密度</translation>
    </message>
    <message>
        <source>Maximum distance to an exit</source>
        <translation>到出口的最大距离</translation>
    </message>
    <message>
        <source>Method: walking paths are the shortest paths through the walkable ground shrunk by the body radius. Visitors stand on a grid over each zone and walk to the exit nearest on foot. The egress time is the larger of the queue time at each exit (walking times plus the queue its flow capacity builds) and the total visitors over the maximum flow through the narrowest cross-sections (max-flow, min-cut). Capacities use the specific flow per metre of clear width; density uses Fruin&apos;s walkway levels of service (A ≤ 0.31, B ≤ 0.43, C ≤ 0.72, D ≤ 1.08, E ≤ 2.17 persons/m², F above).</source>
        <translation>方法：步行路线是在按人体半径内缩后的可通行区域中的最短路径。游客按网格分布在各展区内，步行前往步行距离最近的出口。疏散时间取以下两者中的较大值：各出口的排队时间（步行时间加上该出口通行能力造成的排队），以及全体游客人数除以通过最窄断面的最大流量（最大流-最小割）。通行能力按每米净宽的单位宽度流量计算；密度采用 Fruin 步行道服务水平（A ≤ 0.31，B ≤ 0.43，C ≤ 0.72，D ≤ 1.08，E ≤ 2.17 人/平方米，F 为更高）。</translation>
    </message>
    <message>
        <source>Settings and method</source>
        <translation>设置与方法</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <source>Crowd-flow analysis</source>
        <translation>人流分析</translation>
    </message>
    <message>
        <source>Layout: {name}, revision {revision}.</source>
        <translation>布局：{name}，版本 {revision}。</translation>
    </message>
    <message>
        <source>Checked file: {file}</source>
        <translation>所检查的文件：{file}</translation>
    </message>
    <message>
        <source>SHA-256: {checksum}</source>
        <translation>SHA-256：{checksum}</translation>
    </message>
    <message>
        <source>Checked and approved</source>
        <translation>审核与批准</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Booth index by exhibitor</source>
        <translation>展位索引（按参展商）</translation>
    </message>
    <message>
        <source>Booth index</source>
        <translation>展位索引</translation>
    </message>
    <message>
        <source>Overview: the whole site</source>
        <translation>总图：整个场地</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>场地</translation>
    </message>
    <message>
        <source>Booths outside the zones</source>
        <translation>展区以外的展位</translation>
    </message>
    <message>
        <source>{name} – part {part} of {parts}</source>
        <translation>{name}（第 {part} 部分，共 {parts} 部分）</translation>
    </message>
    <message>
        <source>{scale} on {paper}</source>
        <translation>{scale}（{paper} 图纸）</translation>
    </message>
    <message>
        <source>True to scale when printed at 100 % (actual size) on {paper}; do not fit to page.</source>
        <translation>以 100%（实际大小）打印在 {paper} 纸上时比例准确；请勿选择“适合页面”。</translation>
    </message>
    <message>
        <source>Untitled layout</source>
        <translation>未命名布局</translation>
    </message>
    <message>
        <source>{n} of {total}</source>
        <translation>第 {n} 张，共 {total} 张</translation>
    </message>
    <message>
        <source>Revision {revision}</source>
        <translation>版本 {revision}</translation>
    </message>
    <message>
        <source>Printed {date}</source>
        <translation>打印于 {date}</translation>
    </message>
    <message>
        <source>Sheet {sheet}</source>
        <translation>图纸 {sheet}</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>比例</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>图纸</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>打印日期</translation>
    </message>
    <message>
        <source>{value} m</source>
        <translation>{value} 米</translation>
    </message>
    <message>
        <source>N</source>
        <translation>北</translation>
    </message>
    <message>
        <source>{width} × {depth} m</source>
        <translation>{width} × {depth} 米</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Exhibitor</source>
        <translation>参展商</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <source>(outside every zone)</source>
        <translation>（不属于任何展区）</translation>
    </message>
    <message>
        <source>Booth index by number</source>
        <translation>展位索引（按编号）</translation>
    </message>
    <message>
        <source>Sheet: the map sheet on which the booth&apos;s number can be read.</source>
        <translation>图纸：可辨认该展位编号的图纸。</translation>
    </message>
    <message>
        <source>The layout has no booths.</source>
        <translation>布局中没有展位。</translation>
    </message>
    <message>
        <source>No booth has an exhibitor yet.</source>
        <translation>还没有展位分配给参展商。</translation>
    </message>
    <message>
        <source>Booth</source>
        <translation>展位</translation>
    </message>
    <message>
        <source>Cooks with open flame or gas</source>
        <translation>使用明火或燃气烹饪</translation>
    </message>
    <message>
        <source>Booth, in its zone&apos;s colour</source>
        <translation>展位（以所属展区的颜色表示）</translation>
    </message>
    <message>
        <source>Open side; the darkest is the front</source>
        <translation>开放面；颜色最深的为正面</translation>
    </message>
    <message>
        <source>Exit: its clear width</source>
        <translation>出口：标注其净宽</translation>
    </message>
    <message>
        <source>Exit that limits the egress: a bottleneck</source>
        <translation>限制疏散的出口：瓶颈</translation>
    </message>
    <message>
        <source>Bottleneck on the way out: the narrowest passage</source>
        <translation>疏散途中的瓶颈：最窄处</translation>
    </message>
    <message>
        <source>Amenities</source>
        <translation>设施</translation>
    </message>
    <message>
        <source>Ground</source>
        <translation>地物</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>Sheet {n}</source>
        <translation>图纸 {n}</translation>
    </message>
    <message>
        <source>continues on sheet {n}</source>
        <translation>接图纸 {n}</translation>
    </message>
    <message>
        <source>Exhibitor map</source>
        <translation>参展商平面图</translation>
    </message>
    <message>
        <source>Visitor map</source>
        <translation>游客导览图</translation>
    </message>
    <message>
        <source>Safety map</source>
        <translation>安全疏散图</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>封闭</translation>
    </message>
    <message>
        <source>inline</source>
        <translation>单开口</translation>
    </message>
    <message>
        <source>corner</source>
        <translation>角位</translation>
    </message>
    <message>
        <source>double-sided</source>
        <translation>双面开口</translation>
    </message>
    <message>
        <source>peninsula</source>
        <translation>半岛型</translation>
    </message>
    <message>
        <source>island</source>
        <translation>岛型</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} 分 {seconds} 秒</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>PDF – booth map to print</source>
        <translation>PDF – 用于打印的展位图</translation>
    </message>
    <message>
        <source>PNG – image</source>
        <translation>PNG – 图片</translation>
    </message>
    <message>
        <source>SVG – drawing</source>
        <translation>SVG – 矢量图</translation>
    </message>
    <message>
        <source>CSV – booth list</source>
        <translation>CSV – 展位清单</translation>
    </message>
    <message>
        <source>GeoJSON – for GIS tools</source>
        <translation>GeoJSON – 用于 GIS 软件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>横向</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>纵向</translation>
    </message>
    <message>
        <source>Fit to page</source>
        <translation>适合页面</translation>
    </message>
    <message>
        <source>Fit, or a scale exactly true on paper; type any 1:N</source>
        <translation>适合页面，或在纸上精确的比例；可输入任意 1:N</translation>
    </message>
    <message>
        <source>Overview of the whole site</source>
        <translation>整个场地的总图</translation>
    </message>
    <message>
        <source>One sheet per zone</source>
        <translation>每个展区一张图纸</translation>
    </message>
    <message>
        <source>Tiles over the whole site</source>
        <translation>分幅拼接整个场地</translation>
    </message>
    <message>
        <source>Overview, zone sheets and booth index</source>
        <translation>总图、展区图纸和展位索引</translation>
    </message>
    <message>
        <source>Exhibitor map: statuses and numbers</source>
        <translation>参展商平面图：状态和编号</translation>
    </message>
    <message>
        <source>Visitor map: zones and amenities</source>
        <translation>游客导览图：展区和设施</translation>
    </message>
    <message>
        <source>Safety map: exits, fire equipment, bottlenecks</source>
        <translation>安全疏散图：出口、消防设备、瓶颈</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source>Booth index by exhibitor name too</source>
        <translation>同时附按参展商名称排序的展位索引</translation>
    </message>
    <message>
        <source>Crowd-flow analysis sheet</source>
        <translation>人流分析图纸</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>文件(&amp;I)：</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>&amp;Paper:</source>
        <translation>纸张(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Orientation:</source>
        <translation>方向(&amp;O)：</translation>
    </message>
    <message>
        <source>S&amp;cale:</source>
        <translation>比例(&amp;C)：</translation>
    </message>
    <message>
        <source>S&amp;heets:</source>
        <translation>图纸(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;View:</source>
        <translation>视图(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Resolution:</source>
        <translation>分辨率(&amp;R)：</translation>
    </message>
    <message>
        <source>Page </source>
        <translation>第 </translation>
    </message>
    <message>
        <source>The page shown in the preview</source>
        <translation>预览中显示的页面</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>{paper} ({w} × {h} mm)</source>
        <translation>{paper}（{w} × {h} 毫米）</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Type “fit” or a scale such as 1:500 (from 1:10 to 1:1,000,000).</source>
        <translation>请输入“fit”（适合页面）或比例，例如 1:500（范围 1:10 至 1:1,000,000）。</translation>
    </message>
    <message>
        <source>{w} × {h} pixels</source>
        <translation>{w} × {h} 像素</translation>
    </message>
    <message>
        <source>There is nothing to put on these sheets: the layout has no booths.</source>
        <translation>这些图纸上没有可绘制的内容：布局中没有展位。</translation>
    </message>
    <message>
        <source> of {n}</source>
        <translation> 页，共 {n} 页</translation>
    </message>
    <message>
        <source>… {n} more lines</source>
        <translation>……还有 {n} 行</translation>
    </message>
    <message>
        <source>The crowd-flow analysis failed ({reason}), so the export has no analysis sheet and no bottlenecks.</source>
        <translation>人流分析失败（{reason}），因此导出内容中没有分析图纸，也不标注瓶颈。</translation>
    </message>
    <message>
        <source>One file: {file}</source>
        <translation>一个文件：{file}</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>1 页</translation>
    </message>
    <message>
        <source>{n} pages</source>
        <translation>{n} 页</translation>
    </message>
    <message>
        <source>one file, {file}</source>
        <translation>一个文件，{file}</translation>
    </message>
    <message>
        <source>{n} files, {first} … {last}</source>
        <translation>{n} 个文件，{first} … {last}</translation>
    </message>
    <message>
        <source>{pages}: {files}</source>
        <translation>{pages}：{files}</translation>
    </message>
    <message>
        <source>{pages}, and the analysis sheet (being worked out…)</source>
        <translation>{pages}，另加分析图纸（正在计算…）</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>GeoJSON files (*.geojson)</source>
        <translation>GeoJSON 文件 (*.geojson)</translation>
    </message>
    <message>
        <source>Export To</source>
        <translation>导出到</translation>
    </message>
    <message>
        <source>Exporting to {file}…</source>
        <translation>正在导出到 {file}…</translation>
    </message>
    <message>
        <source>Working out the crowd-flow analysis…</source>
        <translation>正在计算人流分析…</translation>
    </message>
    <message>
        <source>Drawing the pages and writing {file}…</source>
        <translation>正在绘制页面并写入 {file}…</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>正在写入 {file}…</translation>
    </message>
    <message>
        <source>Replace File?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <source>{file} already exists. Replace it?</source>
        <translation>{file} 已存在。要替换它吗？</translation>
    </message>
    <message>
        <source>Wrote {file}.</source>
        <translation>已写入 {file}。</translation>
    </message>
    <message>
        <source>Wrote {n} files, {first} … {last}.</source>
        <translation>已写入 {n} 个文件，{first} … {last}。</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <source>Could not write {file}: {reason}.</source>
        <translation>无法写入 {file}：{reason}。</translation>
    </message>
    <message>
        <source>The export failed: {reason}.</source>
        <translation>导出失败：{reason}。</translation>
    </message>
    <message>
        <source>Cannot Export</source>
        <translation>无法导出</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>Festival layouts (*.festival.json);;JSON files (*.json);;All files (*)</source>
        <translation>市集布局 (*.festival.json);;JSON 文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>Save the changes to “{name}” before closing it?</source>
        <translation>关闭前是否保存对“{name}”的修改？</translation>
    </message>
    <message>
        <source>Cannot Open Template</source>
        <translation>无法打开模板</translation>
    </message>
    <message>
        <source>Open Layout</source>
        <translation>打开布局</translation>
    </message>
    <message>
        <source>Cannot Open Layout</source>
        <translation>无法打开布局</translation>
    </message>
    <message>
        <source>{file} is no longer there.</source>
        <translation>{file} 已不存在。</translation>
    </message>
    <message>
        <source>Save Layout As</source>
        <translation>布局另存为</translation>
    </message>
    <message>
        <source>Duplicate Booth Numbers</source>
        <translation>展位编号重复</translation>
    </message>
    <message>
        <source>Some booth numbers are used more than once: {numbers}. Save anyway?</source>
        <translation>有些展位编号被重复使用：{numbers}。仍要保存吗？</translation>
    </message>
    <message>
        <source>Cannot Save Layout</source>
        <translation>无法保存布局</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>Analysing the layout…</source>
        <translation>正在分析布局…</translation>
    </message>
    <message>
        <source>The live analysis is off.</source>
        <translation>实时分析已关闭。</translation>
    </message>
    <message>
        <source>Pick a finding to see it on the plan; double-click it to edit its objects.</source>
        <translation>选择一条检查结果可在平面图上查看；双击可编辑相关对象。</translation>
    </message>
    <message>
        <source>No problems found: every rule of the analysis is met.</source>
        <translation>未发现问题：符合全部分析规则。</translation>
    </message>
    <message>
        <source>Errors ({n})</source>
        <translation>错误（{n}）</translation>
    </message>
    <message>
        <source>Warnings ({n})</source>
        <translation>警告（{n}）</translation>
    </message>
    <message>
        <source>{rule} ({n})</source>
        <translation>{rule}（{n}）</translation>
    </message>
    <message>
        <source>value {value}, limit {limit}</source>
        <translation>实际值 {value}，限值 {limit}</translation>
    </message>
</context>
<context>
    <name>Fonts</name>
    <message>
        <source>No font on this computer can draw Chinese, so Chinese labels would show as empty boxes. Install a Chinese font (on Debian or Ubuntu: sudo apt-get install {package}) and start the planner again.</source>
        <translation>这台计算机上没有能显示中文的字体，中文标注将显示为空白方框。请安装中文字体（Debian 或 Ubuntu：sudo apt-get install {package}），然后重新启动规划器。</translation>
    </message>
    <message>
        <source>“{label}” (lacks {characters})</source>
        <translation>“{label}”（缺少 {characters}）</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>……另有 {n} 个</translation>
    </message>
    <message>
        <source>The label font has no characters for some of this layout&apos;s names, so they will not be drawn whole:
{labels}</source>
        <translation>标注字体缺少此布局中某些名称所用的字符，这些名称将无法完整显示：
{labels}</translation>
    </message>
    <message>
        <source>{n} labels have characters the label font cannot draw.</source>
        <translation>有 {n} 个标注包含标注字体无法显示的字符。</translation>
    </message>
    <message>
        <source>Missing Fonts</source>
        <translation>缺少字体</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import Exhibitors</source>
        <translation>导入参展商</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Header row</source>
        <translation>表头行</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>* required. Rows are matched to booths by booth number. An empty exhibitor or category cell clears it; an empty status or cooking cell leaves the booth&apos;s own.</source>
        <translation>* 为必填项。各行按展位编号与展位对应。参展商或类别单元格为空时清除该项；状态或烹饪单元格为空时保留展位原有的值。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>(choose a column)</source>
        <translation>（请选择一列）</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>{column}: {heading}</source>
        <translation>{column}：{heading}</translation>
    </message>
    <message>
        <source>{file}: read as {encoding}, {delimiter}-separated, header in row {row}, {n} rows below it.</source>
        <translation>{file}：按 {encoding} 读取，以{delimiter}分隔，表头在第 {row} 行，其下共 {n} 行。</translation>
    </message>
    <message>
        <source>Choose the column that holds the booth numbers.</source>
        <translation>请选择存放展位编号的列。</translation>
    </message>
    <message>
        <source>{heading} → {field}</source>
        <translation>{heading} → {field}</translation>
    </message>
    <message>
        <source>Imported the exhibitors of {n} booths from {file}.</source>
        <translation>已从 {file} 导入 {n} 个展位的参展商。</translation>
    </message>
</context>
<context>
    <name>ImportExhibitors</name>
    <message>
        <source>Import Exhibitors</source>
        <translation>导入参展商</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot Import Exhibitors</source>
        <translation>无法导入参展商</translation>
    </message>
</context>
<context>
    <name>Layers</name>
    <message>
        <source>Labels</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>Amenities</source>
        <translation>设施</translation>
    </message>
    <message>
        <source>Gates</source>
        <translation>出入口</translation>
    </message>
    <message>
        <source>Booths</source>
        <translation>展位</translation>
    </message>
    <message>
        <source>Obstacles</source>
        <translation>障碍物</translation>
    </message>
    <message>
        <source>Zones</source>
        <translation>展区</translation>
    </message>
    <message>
        <source>Site boundary</source>
        <translation>场地边界</translation>
    </message>
    <message>
        <source>Background image</source>
        <translation>底图</translation>
    </message>
    <message>
        <source>Narrow aisles</source>
        <translation>过窄通道</translation>
    </message>
    <message>
        <source>Egress bottleneck</source>
        <translation>疏散瓶颈</translation>
    </message>
    <message>
        <source>Zone level of service</source>
        <translation>展区服务水平</translation>
    </message>
    <message>
        <source>Paths between gates and zones</source>
        <translation>出入口与展区之间的路线</translation>
    </message>
    <message>
        <source>Exit catchments</source>
        <translation>各出口疏散分区</translation>
    </message>
    <message>
        <source>Walking time to exits</source>
        <translation>到出口的步行时间</translation>
    </message>
</context>
<context>
    <name>LayersPanel</name>
    <message>
        <source>Shown</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Show or hide this layer</source>
        <translation>显示或隐藏此图层</translation>
    </message>
    <message>
        <source>Lock this layer: its objects cannot be picked or changed</source>
        <translation>锁定此图层：其中的对象不能被选中或修改</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>Show or hide this part of the analysis on the plan</source>
        <translation>在平面图上显示或隐藏这部分分析结果</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>Outside zones ({n}): by status</source>
        <translation>展区外（{n}）：按状态着色</translation>
    </message>
    <message>
        <source>Booths by zone</source>
        <translation>展位（按展区）</translation>
    </message>
    <message>
        <source>Booths by status</source>
        <translation>展位（按状态）</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>……另有 {n} 项</translation>
    </message>
</context>
<context>
    <name>LiveAnalysis</name>
    <message>
        <source>The analysis overlays could not be drawn: {error}</source>
        <translation>无法绘制分析图层：{error}</translation>
    </message>
    <message>
        <source>The analysis could not finish: {error}</source>
        <translation>分析未能完成：{error}</translation>
    </message>
    <message>
        <source>The analysis stopped unexpectedly (worker exit code {code}); it starts again with the next change.</source>
        <translation>分析意外中止（工作进程退出码 {code}）；下次修改时将重新开始。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opened layout</source>
        <translation>打开的布局</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Site Plan Image</source>
        <translation>场地底图</translation>
    </message>
    <message>
        <source>Booths</source>
        <translation>展位</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>Tool Options</source>
        <translation>工具选项</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>{name}[*] – {app}</source>
        <translation>{name}[*] – {app}</translation>
    </message>
    <message>
        <source>&amp;Undo {action}</source>
        <translation>撤销“{action}”(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo {action}</source>
        <translation>重做“{action}”(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>清空列表(&amp;C)</translation>
    </message>
    <message>
        <source>{what} selected</source>
        <translation>已选择{what}</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>关于{app}</translation>
    </message>
    <message>
        <source>&lt;h3&gt;{app} {version}&lt;/h3&gt;&lt;p&gt;Lay out outdoor market festivals to scale: site, zones, gates, amenities and booths, in metres.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;{app} {version}&lt;/h3&gt;&lt;p&gt;按比例规划户外市集：场地、展区、出入口、设施和展位，以米为单位。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Recover Unsaved Work</source>
        <translation>恢复未保存的工作</translation>
    </message>
    <message>
        <source>The planner closed without saving “{name}”. Recover the changes from its autosave?</source>
        <translation>规划器上次关闭时没有保存“{name}”。要从自动保存中恢复这些修改吗？</translation>
    </message>
    <message>
        <source>Cannot Recover</source>
        <translation>无法恢复</translation>
    </message>
    <message>
        <source>Festival Floor Planner</source>
        <translation>节庆市集平面规划</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>分析</translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <source>Available</source>
        <translation>可租</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>已预订</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>已售</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>Inline</source>
        <translation>单开口</translation>
    </message>
    <message>
        <source>Corner</source>
        <translation>角位</translation>
    </message>
    <message>
        <source>Double-sided</source>
        <translation>双面开口</translation>
    </message>
    <message>
        <source>Peninsula</source>
        <translation>半岛型</translation>
    </message>
    <message>
        <source>Island</source>
        <translation>岛型</translation>
    </message>
    <message>
        <source>Closed (no open side)</source>
        <translation>封闭（无开放面）</translation>
    </message>
    <message>
        <source>Entrance</source>
        <translation>入口</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>出口</translation>
    </message>
    <message>
        <source>Entrance and exit</source>
        <translation>出入口</translation>
    </message>
    <message>
        <source>Water</source>
        <translation>水域</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>建筑</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>舞台</translation>
    </message>
    <message>
        <source>Structure</source>
        <translation>构筑物</translation>
    </message>
    <message>
        <source>Trees and planting</source>
        <translation>树木绿化</translation>
    </message>
    <message>
        <source>No-go area</source>
        <translation>禁入区域</translation>
    </message>
    <message>
        <source>Toilets</source>
        <translation>卫生间</translation>
    </message>
    <message>
        <source>First aid</source>
        <translation>急救站</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>咨询处</translation>
    </message>
    <message>
        <source>Drinking water</source>
        <translation>饮用水</translation>
    </message>
    <message>
        <source>Phone charging</source>
        <translation>手机充电</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>安保</translation>
    </message>
    <message>
        <source>Fire extinguisher</source>
        <translation>灭火器</translation>
    </message>
    <message>
        <source>Fire hydrant</source>
        <translation>消火栓</translation>
    </message>
    <message>
        <source>Assembly point</source>
        <translation>紧急集合点</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Aisle too narrow</source>
        <translation>通道过窄</translation>
    </message>
    <message>
        <source>Booth cannot be reached</source>
        <translation>展位无法到达</translation>
    </message>
    <message>
        <source>Booth with no open side</source>
        <translation>展位无开放面</translation>
    </message>
    <message>
        <source>Booths overlap</source>
        <translation>展位重叠</translation>
    </message>
    <message>
        <source>Booth outside the site</source>
        <translation>展位超出场地</translation>
    </message>
    <message>
        <source>Booth number used twice</source>
        <translation>展位编号重复</translation>
    </message>
    <message>
        <source>Zone cannot be reached</source>
        <translation>展区无法到达</translation>
    </message>
    <message>
        <source>Zones overlap</source>
        <translation>展区重叠</translation>
    </message>
    <message>
        <source>Shape that cannot be used</source>
        <translation>图形无效</translation>
    </message>
    <message>
        <source>Gate off the site boundary</source>
        <translation>出入口不在场地边界上</translation>
    </message>
    <message>
        <source>No exit</source>
        <translation>没有出口</translation>
    </message>
    <message>
        <source>Egress too slow</source>
        <translation>疏散时间过长</translation>
    </message>
    <message>
        <source>Zone too dense</source>
        <translation>展区密度过高</translation>
    </message>
    <message>
        <source>Zone crowded</source>
        <translation>展区拥挤</translation>
    </message>
    <message>
        <source>Aisle overloaded</source>
        <translation>通道超负荷</translation>
    </message>
    <message>
        <source>Exit too narrow</source>
        <translation>出口过窄</translation>
    </message>
    <message>
        <source>Egress too slow without the widest exit</source>
        <translation>最宽出口关闭时疏散超时</translation>
    </message>
    <message>
        <source>Exit too far</source>
        <translation>距出口过远</translation>
    </message>
</context>
<context>
    <name>NumberingDialog</name>
    <message>
        <source>Renumber Booths</source>
        <translation>展位重新编号</translation>
    </message>
    <message>
        <source>Outside any zone</source>
        <translation>不在任何展区内</translation>
    </message>
    <message>
        <source>Row by row</source>
        <translation>逐行</translation>
    </message>
    <message>
        <source>Serpentine</source>
        <translation>蛇形</translation>
    </message>
    <message>
        <source>Left to right</source>
        <translation>从左到右</translation>
    </message>
    <message>
        <source>Right to left</source>
        <translation>从右到左</translation>
    </message>
    <message>
        <source>Top row first</source>
        <translation>从最上一排开始</translation>
    </message>
    <message>
        <source>Bottom row first</source>
        <translation>从最下一排开始</translation>
    </message>
    <message>
        <source>One sequence</source>
        <translation>连续编号</translation>
    </message>
    <message>
        <source>Odd on one side of the aisle, even on the other</source>
        <translation>通道一侧单号，另一侧双号</translation>
    </message>
    <message>
        <source>Leave a number free at each cross aisle</source>
        <translation>在每条横向通道处空出一个编号</translation>
    </message>
    <message>
        <source>Zone:</source>
        <translation>展区：</translation>
    </message>
    <message>
        <source>Renumber:</source>
        <translation>重新编号：</translation>
    </message>
    <message>
        <source>Prefix:</source>
        <translation>前缀：</translation>
    </message>
    <message>
        <source>Start at:</source>
        <translation>起始编号：</translation>
    </message>
    <message>
        <source>Step:</source>
        <translation>步长：</translation>
    </message>
    <message>
        <source>Digits:</source>
        <translation>位数：</translation>
    </message>
    <message>
        <source>Order:</source>
        <translation>顺序：</translation>
    </message>
    <message>
        <source>Along the first row:</source>
        <translation>第一排方向：</translation>
    </message>
    <message>
        <source>Rows:</source>
        <translation>排序：</translation>
    </message>
    <message>
        <source>Sides:</source>
        <translation>单双号：</translation>
    </message>
    <message>
        <source>all {n} booth in the zone</source>
        <translation>展区内全部 {n} 个展位</translation>
    </message>
    <message>
        <source>all {n} booths in the zone</source>
        <translation>展区内全部 {n} 个展位</translation>
    </message>
    <message>
        <source>the {n} selected booth in the zone</source>
        <translation>展区内选中的 {n} 个展位</translation>
    </message>
    <message>
        <source>the {n} selected booths in the zone</source>
        <translation>展区内选中的 {n} 个展位</translation>
    </message>
    <message>
        <source>No booths to renumber.</source>
        <translation>没有可重新编号的展位。</translation>
    </message>
    <message>
        <source>{n} booth: {first} … {last}</source>
        <translation>{n} 个展位：{first} … {last}</translation>
    </message>
    <message>
        <source>{n} booths: {first} … {last}</source>
        <translation>{n} 个展位：{first} … {last}</translation>
    </message>
    <message>
        <source>{n} selected booth in another zone keeps its number.</source>
        <translation>其他展区中选中的 {n} 个展位保留原编号。</translation>
    </message>
    <message>
        <source>{n} selected booths in other zones keep their numbers.</source>
        <translation>其他展区中选中的 {n} 个展位保留原编号。</translation>
    </message>
    <message>
        <source>Numbers used twice afterwards: {numbers}</source>
        <translation>编号后将重复的编号：{numbers}</translation>
    </message>
    <message>
        <source>Renumber {n} booth</source>
        <translation>重新编号 {n} 个展位</translation>
    </message>
    <message>
        <source>Renumber {n} booths</source>
        <translation>重新编号 {n} 个展位</translation>
    </message>
    <message>
        <source>There are no booths to renumber.</source>
        <translation>没有需要重新编号的展位。</translation>
    </message>
</context>
<context>
    <name>Numbers</name>
    <message>
        <source>Booth number used twice: {numbers}</source>
        <translation>展位编号重复：{numbers}</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>The new language is used the next time the planner starts.</source>
        <translation>新的语言将在下次启动规划器时生效。</translation>
    </message>
</context>
<context>
    <name>Properties</name>
    <message>
        <source>Front</source>
        <translation>正面</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>左侧</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>右侧</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>背面</translation>
    </message>
    <message>
        <source>The selected objects differ here; a change sets them all.</source>
        <translation>所选对象的此项不同；修改后将统一设置为同一值。</translation>
    </message>
    <message>
        <source>Several values</source>
        <translation>多个值</translation>
    </message>
    <message>
        <source>Several colours</source>
        <translation>多种颜色</translation>
    </message>
    <message>
        <source>Zone Colour</source>
        <translation>展区颜色</translation>
    </message>
    <message>
        <source>Innovation</source>
        <translation>创新科技</translation>
    </message>
    <message>
        <source>Anime</source>
        <translation>动漫</translation>
    </message>
    <message>
        <source>Intangible heritage</source>
        <translation>非物质文化遗产</translation>
    </message>
    <message>
        <source>Vintage</source>
        <translation>复古</translation>
    </message>
    <message>
        <source>Pets</source>
        <translation>宠物</translation>
    </message>
    <message>
        <source>Gourmet</source>
        <translation>美食</translation>
    </message>
    <message>
        <source>Stage audience</source>
        <translation>舞台观众区</translation>
    </message>
    <message>
        <source>Show spectators</source>
        <translation>表演观众区</translation>
    </message>
    <message>
        <source>Promenade</source>
        <translation>步行街</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>排队区</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Lock or unlock</source>
        <translation>锁定或解锁</translation>
    </message>
    <message>
        <source>East (x)</source>
        <translation>东向 (x)</translation>
    </message>
    <message>
        <source>Set position</source>
        <translation>设置位置</translation>
    </message>
    <message>
        <source> m</source>
        <translation> 米</translation>
    </message>
    <message>
        <source>North (y)</source>
        <translation>北向 (y)</translation>
    </message>
    <message>
        <source>Booth number</source>
        <translation>展位编号</translation>
    </message>
    <message>
        <source>Set booth number</source>
        <translation>设置展位编号</translation>
    </message>
    <message>
        <source>Exhibitor</source>
        <translation>参展商</translation>
    </message>
    <message>
        <source>Set exhibitor</source>
        <translation>设置参展商</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Set category</source>
        <translation>设置类别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Set status</source>
        <translation>设置状态</translation>
    </message>
    <message>
        <source>Width (frontage)</source>
        <translation>宽度（面宽）</translation>
    </message>
    <message>
        <source>Resize booth</source>
        <translation>调整展位尺寸</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>进深</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>旋转角度</translation>
    </message>
    <message>
        <source>Rotate booth</source>
        <translation>旋转展位</translation>
    </message>
    <message>
        <source>Open sides</source>
        <translation>开放面</translation>
    </message>
    <message>
        <source>Set open sides</source>
        <translation>设置开放面</translation>
    </message>
    <message>
        <source>Cooking (flame or gas)</source>
        <translation>烹饪（明火或燃气）</translation>
    </message>
    <message>
        <source>Set cooking</source>
        <translation>设置烹饪</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Set theme</source>
        <translation>设置主题</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Set colour</source>
        <translation>设置颜色</translation>
    </message>
    <message>
        <source>Peak visitors</source>
        <translation>高峰游客人数</translation>
    </message>
    <message>
        <source>Set peak visitors</source>
        <translation>设置高峰游客人数</translation>
    </message>
    <message>
        <source>Density limit</source>
        <translation>密度上限</translation>
    </message>
    <message>
        <source>Set density limit</source>
        <translation>设置密度上限</translation>
    </message>
    <message>
        <source> /m²</source>
        <translation> 人/平方米</translation>
    </message>
    <message>
        <source>Layout&apos;s limit</source>
        <translation>沿用布局设置</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Set gate kind</source>
        <translation>设置出入口类型</translation>
    </message>
    <message>
        <source>Clear width</source>
        <translation>净宽</translation>
    </message>
    <message>
        <source>Resize gate</source>
        <translation>调整出入口宽度</translation>
    </message>
    <message>
        <source>Set obstacle kind</source>
        <translation>设置障碍物类型</translation>
    </message>
    <message>
        <source>Set amenity kind</source>
        <translation>设置设施类型</translation>
    </message>
    <message>
        <source>Change event details</source>
        <translation>修改活动信息</translation>
    </message>
    <message>
        <source>Change analysis settings</source>
        <translation>修改分析设置</translation>
    </message>
    <message>
        <source>Layout name</source>
        <translation>布局名称</translation>
    </message>
    <message>
        <source>Rename layout</source>
        <translation>重命名布局</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>场地名称</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>主办方</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Minimum aisle width</source>
        <translation>最小通道宽度</translation>
    </message>
    <message>
        <source>Body radius</source>
        <translation>人体半径</translation>
    </message>
    <message>
        <source>Walking speed</source>
        <translation>步行速度</translation>
    </message>
    <message>
        <source> m/s</source>
        <translation> 米/秒</translation>
    </message>
    <message>
        <source>Specific flow</source>
        <translation>单位宽度流量</translation>
    </message>
    <message>
        <source> /m/min</source>
        <translation> 人/米/分钟</translation>
    </message>
    <message>
        <source>Maximum egress time</source>
        <translation>最长疏散时间</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Maximum density</source>
        <translation>最大密度</translation>
    </message>
    <message>
        <source>Maximum distance to an exit</source>
        <translation>到出口的最大距离</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Event and analysis settings</source>
        <translation>活动信息与分析设置</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Analysis settings</source>
        <translation>分析设置</translation>
    </message>
    <message>
        <source>Booth {number}</source>
        <translation>展位 {number}</translation>
    </message>
    <message>
        <source>Gate {name}</source>
        <translation>出入口 {name}</translation>
    </message>
    <message>
        <source>Obstacle {name}</source>
        <translation>障碍物 {name}</translation>
    </message>
    <message>
        <source>Amenity {name}</source>
        <translation>设施 {name}</translation>
    </message>
    <message>
        <source>{what} selected</source>
        <translation>已选择{what}</translation>
    </message>
    <message>
        <source>{n} of them locked</source>
        <translation>其中 {n} 个已锁定</translation>
    </message>
    <message>
        <source>outside every zone</source>
        <translation>不属于任何展区</translation>
    </message>
    <message>
        <source>{type} booth, {area:.1f} m², in {zone}</source>
        <translation>{type}展位，{area:.1f} 平方米，位于{zone}</translation>
    </message>
    <message>
        <source>Area {area:,.0f} m²</source>
        <translation>面积 {area:,.0f} 平方米</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>文件夹</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Exhibitor Import Report</source>
        <translation>参展商导入报告</translation>
    </message>
    <message>
        <source>{file}: {summary}</source>
        <translation>{file}：{summary}</translation>
    </message>
    <message>
        <source>Show only rows that were not used in full</source>
        <translation>仅显示未被完全采用的行</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Copy Report</source>
        <translation>复制报告</translation>
    </message>
    <message>
        <source>Assigned, in part</source>
        <translation>已分配（部分）</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>已分配</translation>
    </message>
    <message>
        <source>Unchanged, in part</source>
        <translation>未更改（部分）</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>未更改</translation>
    </message>
    <message>
        <source>No booth number</source>
        <translation>无展位编号</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Not matched</source>
        <translation>未匹配</translation>
    </message>
</context>
<context>
    <name>ScaleBar</name>
    <message>
        <source>{n:g} km</source>
        <translation>{n:g} 千米</translation>
    </message>
    <message>
        <source>{n:g} m</source>
        <translation>{n:g} 米</translation>
    </message>
    <message>
        <source>{n:g} cm</source>
        <translation>{n:g} 厘米</translation>
    </message>
</context>
<context>
    <name>ScenariosPanel</name>
    <message>
        <source>Peak visitors of every zone, as a share of the plan&apos;s figures</source>
        <translation>各展区的高峰游客人数，以平面图设定值的百分比表示</translation>
    </message>
    <message>
        <source>Visitors per zone</source>
        <translation>各展区游客</translation>
    </message>
    <message>
        <source>Closed gates</source>
        <translation>关闭的出入口</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Analyse the plan as drawn again</source>
        <translation>恢复按平面图原样分析</translation>
    </message>
    <message>
        <source>All visitors:</source>
        <translation>全部游客：</translation>
    </message>
    <message>
        <source>Try a busier day or a closed gate: the analysis uses these figures, the plan itself does not change.</source>
        <translation>试算客流更大的一天或关闭某个出入口：分析使用这些数值，平面图本身不会改变。</translation>
    </message>
    <message>
        <source>{visitors} visitors at peak in the plan</source>
        <translation>平面图中的高峰游客人数：{visitors}</translation>
    </message>
    <message>
        <source>{gate} ({width} m) closed</source>
        <translation>关闭 {gate}（{width} 米）</translation>
    </message>
    <message>
        <source>Scenario: {what}</source>
        <translation>情景：{what}</translation>
    </message>
    <message>
        <source>The analysis uses the plan as drawn.</source>
        <translation>分析按平面图原样进行。</translation>
    </message>
</context>
<context>
    <name>SiteImage</name>
    <message>
        <source>Images (*.png *.jpg *.jpeg);;All files (*)</source>
        <translation>图片 (*.png *.jpg *.jpeg);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import Site Plan Image</source>
        <translation>导入场地底图</translation>
    </message>
    <message>
        <source>There is no such file.</source>
        <translation>文件不存在。</translation>
    </message>
    <message>
        <source>Cannot Import Image</source>
        <translation>无法导入图片</translation>
    </message>
    <message>
        <source>“{file}” cannot be read as a PNG or JPEG image: {reason}</source>
        <translation>无法将“{file}”读取为 PNG 或 JPEG 图片：{reason}</translation>
    </message>
    <message>
        <source>Import site plan image</source>
        <translation>导入场地底图</translation>
    </message>
    <message>
        <source>Remove site plan image</source>
        <translation>移除场地底图</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>available</source>
        <translation>可租</translation>
    </message>
    <message>
        <source>reserved</source>
        <translation>已预订</translation>
    </message>
    <message>
        <source>sold</source>
        <translation>已售</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>entrance</source>
        <translation>入口</translation>
    </message>
    <message>
        <source>exit</source>
        <translation>出口</translation>
    </message>
    <message>
        <source>entrance and exit</source>
        <translation>出入口</translation>
    </message>
    <message>
        <source>water</source>
        <translation>水域</translation>
    </message>
    <message>
        <source>building</source>
        <translation>建筑</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>舞台</translation>
    </message>
    <message>
        <source>structure</source>
        <translation>构筑物</translation>
    </message>
    <message>
        <source>vegetation</source>
        <translation>绿化</translation>
    </message>
    <message>
        <source>restricted area</source>
        <translation>禁入区域</translation>
    </message>
    <message>
        <source>toilets</source>
        <translation>卫生间</translation>
    </message>
    <message>
        <source>first aid</source>
        <translation>急救站</translation>
    </message>
    <message>
        <source>information</source>
        <translation>咨询处</translation>
    </message>
    <message>
        <source>drinking water</source>
        <translation>饮用水</translation>
    </message>
    <message>
        <source>charging</source>
        <translation>充电</translation>
    </message>
    <message>
        <source>security</source>
        <translation>安保</translation>
    </message>
    <message>
        <source>fire extinguisher</source>
        <translation>灭火器</translation>
    </message>
    <message>
        <source>fire hydrant</source>
        <translation>消火栓</translation>
    </message>
    <message>
        <source>assembly point</source>
        <translation>紧急集合点</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>“{name}”</source>
        <translation>“{name}”</translation>
    </message>
    <message>
        <source>Zone “{name}”</source>
        <translation>展区“{name}”</translation>
    </message>
    <message>
        <source>zone “{name}”</source>
        <translation>展区“{name}”</translation>
    </message>
    <message>
        <source>Booth {number} · {exhibitor} ({status})</source>
        <translation>展位 {number} · {exhibitor}（{status}）</translation>
    </message>
    <message>
        <source>Booth {number} ({status})</source>
        <translation>展位 {number}（{status}）</translation>
    </message>
    <message>
        <source>Gate {name} ({kind}, {width:.1f} m)</source>
        <translation>出入口 {name}（{kind}，{width:.1f} 米）</translation>
    </message>
    <message>
        <source>{name} ({kind})</source>
        <translation>{name}（{kind}）</translation>
    </message>
    <message>
        <source>{object} — in {zone}</source>
        <translation>{object} — 位于{zone}</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>x {x:.1f} m  y {y:.1f} m</source>
        <translation>x {x:.1f} 米  y {y:.1f} 米</translation>
    </message>
    <message>
        <source>1:{n:,}</source>
        <translation>比例 1:{n:,}</translation>
    </message>
    <message>
        <source>Scale on this screen; {px:.2f} pixels per metre</source>
        <translation>本屏幕上的比例；每米 {px:.2f} 像素</translation>
    </message>
</context>
<context>
    <name>ToolOptions</name>
    <message>
        <source>Click to select, Shift-click to add, drag on open ground for a band; drag to move, arrow keys nudge (Shift: 1 m), hold Ctrl to move freely.</source>
        <translation>单击选择，Shift+单击加选，在空白处拖动框选；拖动可移动，方向键微调（按住 Shift 每次 1 米），按住 Ctrl 可自由移动。</translation>
    </message>
    <message>
        <source>Click an area or a gate, then drag its points; drag an edge to add a point; Delete removes the last point touched.</source>
        <translation>单击区域或出入口，再拖动其顶点；拖动边可添加顶点；按 Delete 删除最后操作的顶点。</translation>
    </message>
    <message>
        <source>Click the corners of the site (or drag a rectangle); Enter or double-click finishes, Backspace takes back a point; type 12.5&lt;30 for an exact edge.</source>
        <translation>依次单击场地的各个角点（或拖出矩形）；按 Enter 或双击完成，按 Backspace 撤回一个点；输入 12.5&lt;30 可绘制精确的边。</translation>
    </message>
    <message>
        <source>Click the corners of the zone (or drag a rectangle); Enter or double-click finishes; type 12.5&lt;30 for an exact edge.</source>
        <translation>依次单击展区的各个角点（或拖出矩形）；按 Enter 或双击完成；输入 12.5&lt;30 可绘制精确的边。</translation>
    </message>
    <message>
        <source>Click two points on the site plan image whose distance you know, type it in metres (40, or 40&lt;90 to turn the line to a bearing) and press Enter.</source>
        <translation>在场地底图上点击已知距离的两点，输入以米为单位的距离（如 40，或 40&lt;90 使该线转到指定方位），然后按 Enter。</translation>
    </message>
    <message>
        <source>Drag the image: the point you grab lands where you let go, on a corner or edge of the plan (Ctrl: freely); [ and ] turn it.</source>
        <translation>拖动底图：抓取的点落在松开处，吸附到平面图的角点或边（Ctrl：自由放置）；[ 和 ] 旋转底图。</translation>
    </message>
    <message>
        <source>Click where the walk starts and where it ends: a gate, a booth, an amenity, a zone or any point (Ctrl: exactly there); Esc clears the route.</source>
        <translation>点击步行的起点和终点：出入口、展位、设施、展区或任意点（Ctrl：精确到该点）；Esc 清除路线。</translation>
    </message>
    <message>
        <source>Obstacle:</source>
        <translation>障碍物：</translation>
    </message>
    <message>
        <source>Click its corners (or drag a rectangle); Enter or double-click finishes.</source>
        <translation>依次单击各个角点（或拖出矩形）；按 Enter 或双击完成。</translation>
    </message>
    <message>
        <source>Gate:</source>
        <translation>出入口：</translation>
    </message>
    <message>
        <source>Drag along the site boundary, or click it for a 6 m gate.</source>
        <translation>沿场地边界拖动，或单击边界放置 6 米宽的出入口。</translation>
    </message>
    <message>
        <source>Amenity:</source>
        <translation>设施：</translation>
    </message>
    <message>
        <source>Click where it stands.</source>
        <translation>单击放置位置。</translation>
    </message>
    <message>
        <source>{w:g} × {d:g} m</source>
        <translation>{w:g} × {d:g} 米</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Booth:</source>
        <translation>展位：</translation>
    </message>
    <message>
        <source>width</source>
        <translation>宽</translation>
    </message>
    <message>
        <source>depth</source>
        <translation>深</translation>
    </message>
    <message>
        <source>Click to place; R turns it 90°; it snaps flush against nearby booths, Ctrl places it freely.</source>
        <translation>单击放置；R 旋转 90°；靠近其他展位时紧贴对齐，按住 Ctrl 可自由放置。</translation>
    </message>
    <message>
        <source> m</source>
        <translation> 米</translation>
    </message>
    <message>
        <source>Rectangle or zone</source>
        <translation>矩形或展区</translation>
    </message>
    <message>
        <source>Along a line</source>
        <translation>沿线</translation>
    </message>
    <message>
        <source>Back to back</source>
        <translation>背靠背</translation>
    </message>
    <message>
        <source>Single rows</source>
        <translation>单排</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>A cross aisle after every this many booths along a row</source>
        <translation>每排每隔这么多个展位设一条横向通道</translation>
    </message>
    <message>
        <source>°</source>
        <translation>°</translation>
    </message>
    <message>
        <source>Direction the rows run, counter-clockwise from east; in a zone, from the zone&apos;s long side (R turns 90°)</source>
        <translation>展位排的走向，自正东方向逆时针计；在展区内自展区长边起算（按 R 旋转 90°）</translation>
    </message>
    <message>
        <source>Corners</source>
        <translation>角位</translation>
    </message>
    <message>
        <source>Booths at the ends of rows and beside cross aisles are open there too (corner booths)</source>
        <translation>排端和横向通道旁的展位在该侧也开放（角位展位）</translation>
    </message>
    <message>
        <source>left of the line</source>
        <translation>线的左侧</translation>
    </message>
    <message>
        <source>right of the line</source>
        <translation>线的右侧</translation>
    </message>
    <message>
        <source>Booth width (frontage)</source>
        <translation>展位宽度（面宽）</translation>
    </message>
    <message>
        <source>Booth depth, front to back</source>
        <translation>展位进深（从正面到背面）</translation>
    </message>
    <message>
        <source>Clear width of the aisles between rows</source>
        <translation>排与排之间通道的净宽</translation>
    </message>
    <message>
        <source>aisle</source>
        <translation>通道</translation>
    </message>
    <message>
        <source>cross every</source>
        <translation>横向通道间隔</translation>
    </message>
    <message>
        <source>Click the points of the line, Enter or double-click places the booths; back to back puts them on both sides.</source>
        <translation>依次单击线上的各点，按 Enter 或双击放置展位；选择背靠背时线的两侧都放置展位。</translation>
    </message>
    <message>
        <source>Drag a rectangle, or click inside a zone to fill it; R turns the rows 90°.</source>
        <translation>拖出矩形，或在展区内单击将其填满；按 R 将展位排旋转 90°。</translation>
    </message>
</context>
<context>
    <name>Tools</name>
    <message>
        <source>Locked objects stay where they are.</source>
        <translation>已锁定的对象保持原位。</translation>
    </message>
    <message>
        <source>Only zones and obstacles have a drawing order to change.</source>
        <translation>只有展区和障碍物可以调整绘制顺序。</translation>
    </message>
    <message>
        <source>Bring {what} to front</source>
        <translation>将{what}置于顶层</translation>
    </message>
    <message>
        <source>Bring {what} forward</source>
        <translation>将{what}上移一层</translation>
    </message>
    <message>
        <source>Send {what} backward</source>
        <translation>将{what}下移一层</translation>
    </message>
    <message>
        <source>Send {what} to back</source>
        <translation>将{what}置于底层</translation>
    </message>
    <message>
        <source>Nothing overlapping to pass in that direction.</source>
        <translation>该方向上没有可越过的重叠对象。</translation>
    </message>
    <message>
        <source>{length:.2f} m  {angle:.1f}°</source>
        <translation>{length:.2f} 米  {angle:.1f}°</translation>
    </message>
    <message>
        <source>Type a length, or a length and an angle such as 12.5&lt;30.</source>
        <translation>请输入长度，或长度和角度，例如 12.5&lt;30。</translation>
    </message>
    <message>
        <source>Type the first point as x,y in metres.</source>
        <translation>请以 x,y 的形式输入第一个点（单位：米）。</translation>
    </message>
    <message>
        <source>An area needs at least three points.</source>
        <translation>区域至少需要三个顶点。</translation>
    </message>
    <message>
        <source>{name} added, {area:,.0f} m². Set its peak visitors in Properties so the crowd analysis counts it.</source>
        <translation>已添加{name}，{area:,.0f} 平方米。请在属性中设置其高峰人数，人流分析才会计入该展区。</translation>
    </message>
    <message>
        <source>Draw site boundary</source>
        <translation>绘制场地边界</translation>
    </message>
    <message>
        <source>Zone {n}</source>
        <translation>展区 {n}</translation>
    </message>
    <message>
        <source>{w:.2f} m × {h:.2f} m</source>
        <translation>{w:.2f} 米 × {h:.2f} 米</translation>
    </message>
    <message>
        <source>Next edge: {typed}▏</source>
        <translation>下一条边：{typed}▏</translation>
    </message>
    <message>
        <source>First point x,y: {typed}▏</source>
        <translation>第一个点 x,y：{typed}▏</translation>
    </message>
    <message>
        <source>Gate {width:.2f} m</source>
        <translation>出入口 {width:.2f} 米</translation>
    </message>
    <message>
        <source>Gate {n}</source>
        <translation>出入口 {n}</translation>
    </message>
    <message>
        <source>{w:g} × {d:g} m</source>
        <translation>{w:g} × {d:g} 米</translation>
    </message>
    <message>
        <source>{size} · beside {booth}</source>
        <translation>{size} · 紧靠 {booth}</translation>
    </message>
    <message>
        <source>Δx {dx:.2f} m  Δy {dy:.2f} m</source>
        <translation>Δx {dx:.2f} 米  Δy {dy:.2f} 米</translation>
    </message>
    <message>
        <source>This object is locked.</source>
        <translation>此对象已锁定。</translation>
    </message>
    <message>
        <source>Insert point</source>
        <translation>插入顶点</translation>
    </message>
    <message>
        <source>Move point</source>
        <translation>移动顶点</translation>
    </message>
    <message>
        <source>An area keeps at least three points.</source>
        <translation>区域至少要保留三个顶点。</translation>
    </message>
    <message>
        <source>Delete point</source>
        <translation>删除顶点</translation>
    </message>
    <message>
        <source>Type the point as x,y in metres, such as 12.5,30.</source>
        <translation>请以 x,y 的形式输入点的坐标（单位：米），例如 12.5,30。</translation>
    </message>
    <message>
        <source>A gate&apos;s end stays on the site boundary, at its nearest point.</source>
        <translation>出入口的端点必须位于场地边界上，已移到边界上最近的点。</translation>
    </message>
    <message>
        <source>x {x:.2f} m  y {y:.2f} m</source>
        <translation>x {x:.2f} 米  y {y:.2f} 米</translation>
    </message>
    <message>
        <source>Point x,y: {typed}▏</source>
        <translation>点 x,y：{typed}▏</translation>
    </message>
    <message>
        <source>{width:.1f} m</source>
        <translation>{width:.1f} 米</translation>
    </message>
    <message>
        <source>Drag a rectangle for the block, or click inside a zone to fill it.</source>
        <translation>拖出矩形放置展位阵列，或在展区内单击将其填满。</translation>
    </message>
    <message>
        <source>A line needs at least two points.</source>
        <translation>线至少需要两个点。</translation>
    </message>
    <message>
        <source>No booth fits there.</source>
        <translation>此处放不下展位。</translation>
    </message>
    <message>
        <source>{n} booth</source>
        <translation>{n} 个展位</translation>
    </message>
    <message>
        <source>{n} booths</source>
        <translation>{n} 个展位</translation>
    </message>
    <message>
        <source>gaps {widths}</source>
        <translation>间隙 {widths}</translation>
    </message>
    <message>
        <source>no gaps</source>
        <translation>无间隙</translation>
    </message>
    <message>
        <source>{n} row</source>
        <translation>{n} 排</translation>
    </message>
    <message>
        <source>{n} rows</source>
        <translation>{n} 排</translation>
    </message>
    <message>
        <source>aisles {width:.1f} m</source>
        <translation>通道 {width:.1f} 米</translation>
    </message>
    <message>
        <source>cross aisles {width:.1f} m</source>
        <translation>横向通道 {width:.1f} 米</translation>
    </message>
    <message>
        <source>spare {along:.1f} × {across:.1f} m</source>
        <translation>剩余 {along:.1f} × {across:.1f} 米</translation>
    </message>
    <message>
        <source>{width:.1f} m clear around</source>
        <translation>四周留空 {width:.1f} 米</translation>
    </message>
    <message>
        <source>{n} gate kept clear</source>
        <translation>{n} 个出入口前保持畅通</translation>
    </message>
    <message>
        <source>{n} gates kept clear</source>
        <translation>{n} 个出入口前保持畅通</translation>
    </message>
    <message>
        <source>{n} amenity kept clear</source>
        <translation>{n} 处设施周围留空</translation>
    </message>
    <message>
        <source>{n} amenities kept clear</source>
        <translation>{n} 处设施周围留空</translation>
    </message>
    <message>
        <source>There is no site plan image: File → Import Site Plan Image…</source>
        <translation>没有场地底图：请选择“文件 → 导入场地底图…”</translation>
    </message>
    <message>
        <source>The site plan image file was not found: {file}</source>
        <translation>找不到场地底图文件：{file}</translation>
    </message>
    <message>
        <source>The site plan image is locked: unlock it first.</source>
        <translation>场地底图已锁定：请先解锁。</translation>
    </message>
    <message>
        <source>The Background image layer is hidden or locked.</source>
        <translation>“底图”图层已隐藏或锁定。</translation>
    </message>
    <message>
        <source>Click two points on the image whose distance you know, then type it in metres and press Enter.</source>
        <translation>在图片上单击两个已知距离的点，然后输入该距离（米）并按 Enter。</translation>
    </message>
    <message>
        <source>Type the real distance in metres (40, or 40&lt;90 to also turn the line to 90°) and press Enter.</source>
        <translation>输入实际距离（米）后按 Enter：例如 40；输入 40&lt;90 还会把这条线转到 90°。</translation>
    </message>
    <message>
        <source>Type the real distance in metres, such as 40 or 40&lt;90.</source>
        <translation>请输入实际距离（米），例如 40 或 40&lt;90。</translation>
    </message>
    <message>
        <source>Calibrate site plan image</source>
        <translation>校准场地底图</translation>
    </message>
    <message>
        <source>Calibrated: {scale:.4g} m per pixel.</source>
        <translation>已校准：每像素 {scale:.4g} 米。</translation>
    </message>
    <message>
        <source>now {length:.2f} m</source>
        <translation>当前 {length:.2f} 米</translation>
    </message>
    <message>
        <source>now {length:.2f} m; real distance: {typed}▏ m</source>
        <translation>当前 {length:.2f} 米；实际距离：{typed}▏ 米</translation>
    </message>
    <message>
        <source>Drag the image: the point you grab lands on the corner or edge you let go on (Ctrl: freely); [ and ] turn it.</source>
        <translation>拖动图片：按住的点会吸附到松开处的角点或边上（按住 Ctrl 可自由移动）；按 [ 和 ] 旋转。</translation>
    </message>
    <message>
        <source>Press on the image to drag it.</source>
        <translation>在图片上按住鼠标即可拖动。</translation>
    </message>
    <message>
        <source>Move site plan image</source>
        <translation>移动场地底图</translation>
    </message>
    <message>
        <source>Turn site plan image</source>
        <translation>旋转场地底图</translation>
    </message>
    <message>
        <source>({x} m, {y} m)</source>
        <translation>（{x} 米，{y} 米）</translation>
    </message>
    <message>
        <source>{length} m, {time} on foot</source>
        <translation>{length} 米，步行 {time}</translation>
    </message>
    <message>
        <source>Route from {start}: click where it ends.</source>
        <translation>从 {start} 出发的路线：请单击终点。</translation>
    </message>
    <message>
        <source>No walking path from {start} to {end}.</source>
        <translation>从 {start} 到 {end} 没有步行路线。</translation>
    </message>
    <message>
        <source>no path</source>
        <translation>无路线</translation>
    </message>
    <message>
        <source>{length}, {time} on foot</source>
        <translation>{length}，步行 {time}</translation>
    </message>
    <message>
        <source>{start} to {end}: {walk}</source>
        <translation>{start} 至 {end}：{walk}</translation>
    </message>
    <message>
        <source>The route&apos;s end was deleted.</source>
        <translation>路线的终点已被删除。</translation>
    </message>
</context>
</TS>
